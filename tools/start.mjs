// `npm start`: build the CLI, write the built-in sample pair and reconcile it, printing the
// report. (The page arrives with the next issue; until then this shows the core at work.)
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.error) throw r.error;
  return r.status;
};

mkdirSync('target/sample', { recursive: true });
if (run('cargo', ['run', '--quiet', '--release', '--example', 'gen', '--', '--demo', '--out-dir', 'target/sample']) !== 0) {
  process.exit(2);
}
const status = run('cargo', ['run', '--quiet', '--release', '--bin', 'crosscheck', '--',
  'reconcile', 'target/sample/source.csv', 'target/sample/list.csv']);
// Exit code 1 means "findings": exactly what the sample is for.
process.exit(status === 1 ? 0 : status);
