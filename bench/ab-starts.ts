/**
 * Before/after of the kiosk's offline starts with 5,000 tickets today, from one run: another
 * checkout's kiosk (built: `npx vite build` there) against this one's, each served by its own
 * tree's hub, in one browser; the kept-day and no-kept-day starts of both taken in turn, the
 * trees' order alternating, so the machine's drift falls on all four.
 * Run: node --import tsx bench/ab-starts.ts <other checkout> [starts of each kind, 15]
 * (e.g. `git worktree add /tmp/before <commit>`, node_modules linked, built).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { loadStoreConfig } from '../src/hub/config-loader.ts';
import { resolveFromRepo } from '../src/hub/paths.ts';
import { launchChromium } from '../test/support/browser.ts';
import type { startTestHub } from '../test/support/hub.ts';
import { benchConfigDir } from './sim/bench-config.ts';
import { dayOfEvents, seedHubHistory } from './sim/day-history.ts';
import {
  countEvents,
  goOffline,
  installApp,
  keptDay,
  setKeptDayAside,
  startOnce,
} from './kiosk-budgets.ts';
import { summarize } from './stats.ts';

type HubModule = { startTestHub: typeof startTestHub };

interface Tree {
  readonly name: string;
  readonly url: string;
  readonly context: BrowserContext;
  readonly close: () => Promise<void>;
  readonly kept: number[];
  readonly unkept: number[];
}

const TICKETS = 5000;

/** A hub of `root`'s code holding today's 5,000 tickets, and a kiosk that caught up and kept them. */
async function prepare(name: string, root: string, browser: Browser): Promise<Tree> {
  const { startTestHub } = (await import(join(root, 'test/support/hub.ts'))) as HubModule;
  const configDir = benchConfigDir();
  const { store } = await loadStoreConfig(configDir);
  const dataDir = mkdtempSync(join(tmpdir(), `nextup-ab-${name}-`));
  const events = dayOfEvents({
    store: store.id,
    tickets: TICKETS,
    startWall: Date.now() - TICKETS * 3 - 60_000,
  });
  await seedHubHistory(dataDir, store.id, store.timeZone, events);
  const hub = await startTestHub({ configDir, dataDir });
  const url = `${hub.httpUrl}/kiosk?kiosk=kiosk-1`;
  const context = await browser.newContext();
  const page = await installApp(context, url);
  const until = Date.now() + 120_000;
  while ((await countEvents(page, store.id)) < events.length) {
    if (Date.now() > until) throw new Error(`${name}: the kiosk did not catch up the day`);
    await page.waitForTimeout(250);
  }
  await page.locator('[data-testid="connection"][data-pending="0"]').waitFor();
  await keptDay(page, store.id);
  await page.close();
  await goOffline(context);
  const close = async () => {
    await context.close();
    await hub.close();
  };
  return { name, url, context, close, kept: [], unkept: [] };
}

async function main(other: string, count: number): Promise<void> {
  const browser = await launchChromium();
  const { store } = await loadStoreConfig(benchConfigDir());
  const trees = [
    await prepare('before', resolve(other), browser),
    await prepare('after', resolveFromRepo('.'), browser),
  ];
  try {
    // start 0 of each warms its disk cache; then kept and no-kept starts in turn
    for (let i = 0; i <= 2 * count; i++) {
      const unkept = i % 2 === 1;
      for (const tree of i % 4 < 2 ? trees : [...trees].reverse()) {
        const { page, usable } = await startOnce(tree.context, tree.url);
        const resumed = await page.evaluate(
          () => performance.getEntriesByName('nextup:kept-day').length > 0,
        );
        if (resumed === unkept) {
          throw new Error(`${tree.name} start ${i} ${resumed ? 'resumed' : 'did not resume'}`);
        }
        if (i > 0) (unkept ? tree.unkept : tree.kept).push(usable);
        // the kept day aside before a no-kept start, back after it
        await setKeptDayAside(page, store.id, !unkept);
        await page.close();
      }
    }
  } finally {
    for (const tree of trees) await tree.close();
    await browser.close();
  }
  console.log('| start, 5,000 tickets, offline, 4x | before median / p95 | after median / p95 |');
  console.log('| --- | --- | --- |');
  const row = (label: string, pick: (t: Tree) => number[]) => {
    const [b, a] = trees.map((t) => summarize(pick(t)));
    console.log(`| ${label} | ${b!.median} / ${b!.p95} ms | ${a!.median} / ${a!.p95} ms |`);
  };
  row(`the day kept (n=${count})`, (t) => t.kept);
  row(`no kept day (n=${count})`, (t) => t.unkept);
}

const other = process.argv[2];
if (!other) {
  console.error('usage: node --import tsx bench/ab-starts.ts <other checkout, built> [starts]');
  process.exit(2);
}
await main(other, Number(process.argv[3] ?? 15));
