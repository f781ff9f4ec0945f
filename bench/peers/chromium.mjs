// What the peers in headless Chromium share: the launch flags (no outside hosts), the
// resident memory of all Chromium's processes, and a sampler of its peak.
import { readdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const launch = () => chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ARGS });

/** Resident memory of every Chromium process, in bytes. */
export function chromiumRss() {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      if (!/^Name:\s*(chromium|chrome)/m.test(status)) continue;
      const m = status.match(/^VmRSS:\s*(\d+) kB/m);
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

/** Sample Chromium's memory every 50 ms until stop(); stop() returns { baseline, peak }. */
export function sampleRss() {
  const baseline = chromiumRss();
  let peak = baseline;
  const timer = setInterval(() => { peak = Math.max(peak, chromiumRss()); }, 50);
  return { stop: () => (clearInterval(timer), { baseline, peak: Math.max(peak, chromiumRss()) }) };
}
