import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { issueTicket } from '../src/domain/queue/commands.ts';
import { testStore } from '../src/domain/testing/store.ts';
import { launchChromium } from '../test/support/browser.ts';
import { startTestHub, type TestHub } from '../test/support/hub.ts';
import { openClerk, waitForQueueItem } from '../test/support/surfaces.ts';
import { summarize, type Summary } from './stats.ts';

/**
 * Time to restore a clerk's visit after the tablet reloads, in real Chromium against the real
 * hub: a visit is left in "browsing" (its re-check timer armed), then the page is reloaded
 * `samples` times. Per reload:
 *
 * - `restoreMs`: reading the saved visits from IndexedDB and resuming their machines (with the
 *   re-check re-armed at its original deadline): the visit desk's own measurement;
 * - `reloadToVisitMs`: from the start of the navigation to the restored visit on screen
 *   (`performance.mark('nextup:visit-shown')`), i.e. everything a clerk waits for: page load,
 *   configuration, device start, restore, first render.
 *
 * Run: `npm run build && node --import tsx bench/visit-restore.ts [--smoke]`.
 */
export interface VisitRestore {
  readonly restoreMs: Summary;
  readonly reloadToVisitMs: Summary;
}

const WARM_UP = 2;

export async function measureVisitRestore(
  browser: Browser,
  hub: TestHub,
  samples = 20,
): Promise<VisitRestore> {
  const context = await browser.newContext();
  try {
    const clerk = await openClerk(context, hub.httpUrl, hub.firstCounter);
    const visitId = await browsingVisit(hub, clerk);
    const restore: number[] = [];
    const shown: number[] = [];
    for (let i = 0; i < samples + WARM_UP; i++) {
      await clerk.reload();
      await clerk
        .locator(`[data-testid="visit"][data-visit="${visitId}"][data-step="browsing.looking"]`)
        .waitFor();
      const [restoreMs, shownMs] = await clerk.evaluate(() => [
        Number(
          document.querySelector('[data-testid="visit-area"]')?.getAttribute('data-restore-ms'),
        ),
        performance.getEntriesByName('nextup:visit-shown')[0]?.startTime ?? NaN,
      ]);
      if (!Number.isFinite(restoreMs) || !Number.isFinite(shownMs)) {
        throw new Error('the clerk screen did not report its restore time');
      }
      // the first reloads warm up caches and code paths
      if (i >= WARM_UP) {
        restore.push(restoreMs);
        shown.push(shownMs);
      }
    }
    return { restoreMs: summarize(restore), reloadToVisitMs: summarize(shown) };
  } finally {
    await context.close();
  }
}

/** A customer called and greeted who would rather browse alone: the re-check is armed. */
async function browsingVisit(hub: TestHub, clerk: Page): Promise<string> {
  const kiosk = { id: 'bench', name: { en: 'Bench' }, range: { from: 900_000, to: 999_999 } };
  const ticket = `bench-${Date.now().toString(36)}`;
  const issued = await hub
    .agent()
    .replica.run((s) => issueTicket(s, testStore, kiosk, 'advice', ticket));
  if (!issued.ok || issued.event.type !== 'ticket.issued') throw new Error('no ticket issued');
  await waitForQueueItem(clerk, issued.event.number);
  await clerk.getByTestId('call-next').click();
  await clerk.locator('[data-testid="visit"][data-step="greeting"]').waitFor();
  await clerk.getByTestId('visit-action-GREETED').click();
  await clerk.getByTestId('visit-action-HELP_DECLINED').click();
  await clerk.locator('[data-testid="visit"][data-step="browsing.looking"]').waitFor();
  return (await clerk.getByTestId('visit').getAttribute('data-visit')) ?? '';
}

const isMain =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (isMain) {
  const smoke = process.argv.includes('--smoke');
  const samples = smoke ? 3 : 20;
  const hub = await startTestHub({});
  const browser = await launchChromium();
  try {
    const result = await measureVisitRestore(browser, hub, samples);
    const figures = {
      at: new Date().toISOString(),
      smoke,
      chromium: browser.version(),
      visitRestore: result,
    };
    const line = (label: string, s: Summary) =>
      console.log(`${label}  median ${s.median} ms  p95 ${s.p95} ms  (n=${s.n})`);
    line('visit restore (IndexedDB + resume)  ', result.restoreMs);
    line('reload -> restored visit on screen  ', result.reloadToVisitMs);
    console.log(JSON.stringify(figures, null, 2));
  } finally {
    await browser.close();
    await hub.close();
  }
}
