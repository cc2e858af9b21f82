import { cpus, totalmem } from 'node:os';
import { launchChromium } from '../test/support/browser.ts';
import { startTestHub, testConfigDir } from '../test/support/hub.ts';
import { mergeResults } from './results.ts';
import { measureTapLatency } from './tap-latency.ts';
import { measureVisitRestore } from './visit-restore.ts';
import { measureYear } from './year-history.ts';

/**
 * `npm run bench`: real Chromium against the real hub and its embedded broker.
 * `--smoke` runs a few samples only, to check in CI that the benchmark still works.
 */
const smoke = process.argv.includes('--smoke');
const samples = smoke ? 3 : 20;

// the benchmark taps one kiosk quickly: lift the shipped per-kiosk rate limit
const hub = await startTestHub({
  configDir: testConfigDir((c) => {
    (c.kiosk as Record<string, unknown>).rateLimit = { maxTickets: 1000, windowSec: 1 };
  }),
});
const browser = await launchChromium();
try {
  const tap = await measureTapLatency(browser, hub.httpUrl, samples);
  const visit = await measureVisitRestore(browser, hub, samples);
  const year = await measureYear(smoke ? 5_000 : 150_000);
  const results = {
    at: new Date().toISOString(),
    smoke,
    environment: {
      node: process.version,
      chromium: browser.version(),
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      broker: 'embedded aedes',
    },
    tapLatency: tap,
    visitRestore: visit,
    yearOfHistory: year,
  };
  console.log(
    `kiosk tap -> ticket on screen   median ${tap.tapToTicketMs.median} ms  p95 ${tap.tapToTicketMs.p95} ms  (n=${tap.tapToTicketMs.n})`,
  );
  console.log(
    `kiosk tap -> on clerk's list    median ${tap.tapToClerkMs.median} ms  p95 ${tap.tapToClerkMs.p95} ms  (n=${tap.tapToClerkMs.n})`,
  );
  console.log(
    `visit restore after reload        median ${visit.restoreMs.median} ms  p95 ${visit.restoreMs.p95} ms  (n=${visit.restoreMs.n})`,
  );
  console.log(
    `a year (${year.tickets} tickets): tablet reopens in ${year.deviceReopenMs} ms keeping ${year.deviceEventsKept} events and ${year.deviceSummaries} day summaries; hub loads it in ${year.hubLoadMs} ms`,
  );
  if (!smoke) mergeResults(results);
} finally {
  await browser.close();
  await hub.close();
}
