// crosscheck in headless Chromium, the page's real path: both files chosen in the page, Run
// clicked, bytes → worker → WebAssembly → report summary on screen. Prints the same JSON line as
// the other peers, plus the longest gap between progress updates and Chromium's peak memory.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../tools/serve.mjs';
import { pkg } from '../../tools/build.mjs';
import { chromiumRss, launch } from './chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// `node crosscheck-chromium.mjs DIR [LIST]`: the list is list.csv unless named (list.xlsx).
const [dir, list = 'list.csv'] = process.argv.slice(2);

const { server, url } = await serve(join(root, 'www'), pkg);
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="version"]')?.textContent || ''));
  // Timed from choosing the files: the page reads them then (and hashes and inspects them), so
  // the time to the summary is what the user waits, reading included, as for every other tool.
  // On the page's clock, from the moment it hears of the first file (its change event) to the
  // moment the summary shows: Playwright's own work to set a file (50–120 ms here) is not the
  // page's, nor are the round trips that ask the page whether it is done.
  await page.evaluate(() => {
    window.__chosen = null;
    window.__shown = null;
    for (const id of ['source-file', 'list-file']) {
      const input = document.querySelector(`[data-testid="${id}"]`);
      input.addEventListener('change', () => { window.__chosen ??= performance.now(); }, { capture: true });
    }
    const summary = document.querySelector('[data-testid="summary"]');
    new MutationObserver(() => {
      if (window.__shown === null && !summary.hidden && summary.dataset.missing !== undefined) window.__shown = performance.now();
    }).observe(summary, { attributes: true });
    // While the list is read (when chosen; a workbook is unzipped and parsed then): each update
    // of its reading bar, from the first (the worker has begun on it; before that it reads the
    // source) to the bar's going (the slot shows the file).
    window.__listReads = [];
    window.__listRead = null;
    const info = document.querySelector('[data-testid="list-info"]');
    new MutationObserver((records) => {
      if (window.__listRead !== null) return;
      if (records.some((r) => r.type === 'attributes' && r.target.matches?.('[data-testid="list-reading"]'))) window.__listReads.push(performance.now());
      if (window.__listReads.length && !info.querySelector('[data-testid="list-reading"]')) window.__listRead = performance.now();
    }).observe(info, { attributes: true, childList: true, subtree: true, attributeFilter: ['value'] });
  });
  await page.getByTestId('source-file').setInputFiles(join(dir, 'source.csv'));
  await page.getByTestId('list-file').setInputFiles(join(dir, list));
  // Ready to run, or the page said why not (a list it cannot pair, say): then no waiting out the
  // timeout, the page's own sentence is the failure.
  const shownError = () => page.evaluate(() => {
    const box = document.querySelector('[data-testid="error"]');
    return box && !box.hidden ? document.getElementById('error-text').textContent.trim() : null;
  });
  await page.waitForFunction(() => !document.querySelector('[data-testid="run"]').disabled || !document.querySelector('[data-testid="error"]').hidden, null, { timeout: 600_000 });
  const refused = await shownError();
  if (refused) throw new Error(`the page: ${refused}`);
  // Watch the progress bar: the longest time the page went without an update while running.
  await page.evaluate(() => {
    const bar = document.querySelector('[data-testid="progress"]');
    // Each update: when, the stage and the bar's value (TRACE=1 prints them).
    window.__ticks = [];
    new MutationObserver(() => window.__ticks.push([performance.now(), bar.dataset.stage, Number(bar.value)]))
      .observe(bar, { attributes: true });
    window.__start = performance.now();
  });
  // The memory measure: WebAssembly linear memory (the worker reports its size; it never
  // shrinks, so the size at the end is the peak) plus the page's JavaScript heap (sampled).
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => (await cdp.send('Runtime.getHeapUsage')).usedSize;
  let heapPeak = await heap();
  const baseline = chromiumRss();
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, chromiumRss());
    heap().then((h) => { heapPeak = Math.max(heapPeak, h); }, () => {});
  }, 50);
  await page.getByTestId('run').click();
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-testid="summary"]');
    return (s && !s.hidden && s.dataset.missing !== undefined) || !document.querySelector('[data-testid="error"]').hidden;
  }, null, { timeout: 600_000, polling: 20 });
  clearInterval(sampler);
  const failed = await shownError();
  if (failed) throw new Error(`the page: ${failed}`);
  const timing = await page.evaluate(() => {
    const end = window.__shown;
    const marks = [window.__start, ...window.__ticks.map(([t]) => t), end];
    let gap = 0;
    for (let i = 1; i < marks.length; i++) gap = Math.max(gap, marks[i] - marks[i - 1]);
    const stages = window.__ticks.map(([t, stage, value]) => [Math.round(t - window.__start), stage, value.toFixed(3)]);
    const reads = [...window.__listReads, window.__listRead ?? window.__listReads.at(-1)];
    let readGap = 0;
    for (let i = 1; i < reads.length; i++) readGap = Math.max(readGap, reads[i] - reads[i - 1]);
    return { ms: end - window.__start, chosen: end - window.__chosen, gap, readGap, stages, reads: reads.map((t) => Math.round(t - reads[0])) };
  });
  const counts = await page.getByTestId('summary').evaluate((s) => ({
    missing: Number(s.dataset.missing),
    unexpected: Number(s.dataset.unexpected),
    duplicate: Number(s.dataset.duplicate),
    differences: Number(s.dataset.mismatch) + Number(s.dataset.crosswired),
  }));
  if (process.env.TRACE) console.error(JSON.stringify(timing.stages), JSON.stringify(timing.reads));
  const wasm = await page.workers()[0].evaluate(() => self.wasmMemoryBytes());
  const ms = timing.chosen;
  process.stdout.write(`${JSON.stringify({ ms, run_ms: timing.ms, counts, peak_rss: peak, baseline_rss: baseline, progress_gap_ms: timing.gap, read_gap_ms: timing.readGap, wasm_memory: wasm, page_heap: heapPeak })}\n`);
} catch (e) {
  // One line, the last on stderr: bench/run.mjs shows it in the table.
  console.error(e.message.split('\n')[0]);
  process.exitCode = 1;
} finally {
  await browser.close();
  server.close();
}
