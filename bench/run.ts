import { launchChromium } from '../test/support/browser.ts';
import { startTestHub, testConfigDir } from '../test/support/hub.ts';
import { budgetRows, formatTable, type Measured } from './budgets.ts';
import { measureBrowserLoad } from './browser-load.ts';
import { measureCapacity } from './capacity.ts';
import { measureChain } from './chain.ts';
import { benchEnvironment } from './environment.ts';
import { measureFanout } from './fanout.ts';
import { measureTrackOpen } from './track-open.ts';
import { measureGrowth } from './growth.ts';
import { measureImport } from './import.ts';
import { measureKiosk } from './kiosk-budgets.ts';
import { measureReports } from './reports.ts';
import { measureLighthouse } from './lighthouse.ts';
import { mergeResults, partialRunPatch, readResults } from './results.ts';
import { measureTapLatency } from './tap-latency.ts';
import { measureVisitRestore } from './visit-restore.ts';
import { measureYear } from './year-history.ts';

/**
 * `npm run bench`: every benchmark in one run on one machine (real Chromium, the real hub,
 * aedes and Mosquitto), a table of the budgets, and bench/results.json with the figures and
 * the environment. `--only kiosk,capacity` runs some; `--smoke` runs each in a tiny mode
 * (seconds; CI's check that they still run; figures are not written).
 */
export const ENTRIES = [
  'tap',
  'visit',
  'year',
  'kiosk',
  'browser',
  'track',
  'fanout',
  'capacity',
  'lighthouse',
  'growth',
  'reports',
  'import',
  'chain',
] as const;
export type Entry = (typeof ENTRIES)[number];

export interface RunOptions {
  readonly only?: readonly Entry[];
  readonly smoke?: boolean;
  readonly log?: (line: string) => void;
}

export async function runBenchmarks(opts: RunOptions = {}): Promise<Record<string, unknown>> {
  const smoke = opts.smoke ?? false;
  const log = opts.log ?? ((l: string) => console.log(l));
  const chosen = ENTRIES.filter((e) => !opts.only || opts.only.includes(e));
  const environment = benchEnvironment();
  const results: Record<string, unknown> = {};
  const measured: Measured = {};
  const browser = await launchChromium();
  const timings: Record<string, number> = {};
  try {
    for (const entry of chosen) {
      const t0 = performance.now();
      log(`- ${entry} ...`);
      switch (entry) {
        case 'tap': {
          // the benchmark taps one kiosk quickly: lift the shipped per-kiosk rate limit
          const hub = await startTestHub({
            configDir: testConfigDir((c) => {
              (c.kiosk as Record<string, unknown>).rateLimit = { maxTickets: 1000, windowSec: 1 };
            }),
          });
          try {
            const tap = await measureTapLatency(browser, hub.httpUrl, smoke ? 3 : 20);
            results.tapLatency = tap;
            log(
              `  tap -> ticket median ${tap.tapToTicketMs.median} ms, -> clerk median ${tap.tapToClerkMs.median} ms (no throttle)`,
            );
          } finally {
            await hub.close();
          }
          break;
        }
        case 'visit': {
          const hub = await startTestHub({});
          try {
            const visit = await measureVisitRestore(browser, hub, smoke ? 3 : 20);
            results.visitRestore = visit;
            log(`  visit restore median ${visit.restoreMs.median} ms`);
          } finally {
            await hub.close();
          }
          break;
        }
        case 'year': {
          const year = await measureYear(smoke ? 5_000 : 150_000);
          results.yearOfHistory = year;
          log(
            `  a year (${year.tickets} tickets): device reopens in ${year.deviceReopenMs} ms, hub loads in ${year.hubLoadMs} ms`,
          );
          break;
        }
        case 'kiosk':
          measured.kiosk = await measureKiosk(
            browser,
            smoke
              ? { tickets: 200, taps: 3, coldStarts: 2 }
              : { tickets: 5000, taps: 100, coldStarts: 15 },
          );
          results.kiosk = measured.kiosk;
          break;
        case 'browser':
          measured.browser = await measureBrowserLoad(browser, { starts: smoke ? 2 : 15 });
          results.browserLoad = measured.browser;
          break;
        case 'track':
          measured.track = await measureTrackOpen(
            browser,
            smoke ? { tickets: 200, opens: 2 } : { tickets: 5000, opens: 30 },
          );
          results.trackOpen = measured.track;
          break;
        case 'fanout':
          measured.fanout = await measureFanout(
            browser,
            smoke ? { samples: 5, others: 4 } : { samples: 200, others: 50 },
          );
          results.ticketToEveryScreen = measured.fanout;
          break;
        case 'capacity':
          measured.capacity = await measureCapacity(
            smoke
              ? {
                  steps: [1, 2],
                  singleStoreSteps: [5],
                  ticketEverySec: 1,
                  budget: { minSamples: 20, minSec: 2, maxSec: 4 },
                  log,
                }
              : { log },
          );
          results.hubCapacity = measured.capacity;
          break;
        case 'lighthouse':
          measured.lighthouse = await measureLighthouse();
          results.lighthouse = measured.lighthouse;
          break;
        case 'growth':
          measured.growth = await measureGrowth(
            smoke ? { factors: [1, 2], taps: 3, log } : { log },
          );
          results.growth = measured.growth;
          break;
        case 'reports': {
          const r = await measureReports(
            smoke ? { tickets: 2_000, days: 30, rounds: 2 } : { tickets: 150_000 },
          );
          measured.reports = r;
          results.reports = r;
          log(
            `  reports over ${r.days} days (${r.tickets} tickets): any report within ${r.warmWorstP95Ms} ms p95; first after a restart ${r.coldCacheMs} ms, first ever ${r.coldBuildMs} ms`,
          );
          break;
        }
        case 'import':
          // a log of 100 MB, valid and broken on its last line, each into a fresh hub
          results.importStream = await measureImport({ mb: smoke ? 2 : 100, log });
          break;
        case 'chain':
          // stores at 0.5 events/s each (a busy day of ~9,000 events in 12 h, sped up 2.5x)
          results.chain = await measureChain({
            steps: smoke ? [3] : [10, 50, 100, 250, 500, 1000],
            stepSeconds: smoke ? 4 : 20,
            perStoreEventsPerSec: 0.5,
            catchUpTickets: smoke ? 40 : 1500,
            log,
          });
          break;
      }
      timings[entry] = Math.round((performance.now() - t0) / 1000);
    }
  } finally {
    await browser.close();
  }
  const budgets = budgetRows(measured);
  if (budgets.length > 0) log('\n' + formatTable(budgets));
  const out = {
    at: environment.date,
    smoke,
    environment,
    secondsPerEntry: timings,
    ...(budgets.length > 0 ? { budgets } : {}),
    ...results,
  };
  return out;
}

function parseOnly(argv: readonly string[]): Entry[] | undefined {
  const i = argv.indexOf('--only');
  if (i < 0) return undefined;
  const names = (argv[i + 1] ?? '').split(',').filter(Boolean);
  const unknown = names.filter((n) => !(ENTRIES as readonly string[]).includes(n));
  if (names.length === 0 || unknown.length > 0) {
    console.error(
      `--only takes a comma-separated list of: ${ENTRIES.join(', ')} (got "${argv[i + 1] ?? ''}")`,
    );
    process.exit(2);
  }
  return names as Entry[];
}

if (process.argv[1]?.endsWith('run.ts')) {
  const smoke = process.argv.includes('--smoke');
  const only = parseOnly(process.argv);
  const results = await runBenchmarks({ smoke, ...(only ? { only } : {}) });
  if (!smoke) mergeResults(only ? partialRunPatch(results, readResults()) : results);
  console.log(smoke ? '\n(smoke run: figures not written)' : '\nwritten to bench/results.json');
  process.exit(0);
}
