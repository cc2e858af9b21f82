import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { trackingUrl } from '../src/apps/kiosk/tracking-url.ts';
import { loadStoreConfig } from '../src/hub/config-loader.ts';
import { startTestHub } from '../test/support/hub.ts';
import { seedTicket } from '../test/support/seed.ts';
import { CPU_THROTTLE } from './kiosk-budgets.ts';
import { benchConfigDir } from './sim/bench-config.ts';
import { dayOfEvents, seedHubHistory } from './sim/day-history.ts';
import { summarize, type Summary } from './stats.ts';

/**
 * The phone's tracking page (issue 20's fourth budget): a customer scans the kiosk's QR and
 * the page opens for the first time (a fresh browser context: no service worker, no cache), on
 * a phone-sized screen at 4x CPU throttle, from the hub on a busy day (5,000 tickets, 20 still
 * waiting, the customer's ticket behind them). Measured from the navigation's start to the
 * frame that draws their place in line. The network is loopback: a store's Wi-Fi adds its round trips.
 */
export interface TrackOpenFigures {
  readonly ticketsInHistory: number;
  readonly openToPlaceMs: Summary;
}

/**
 * When the place in line is first drawn: the frame after it entered the page, from the
 * navigation's time origin (a string: see kiosk).
 */
const MARK_PLACE = `
  new MutationObserver(() => {
    if (window.__placeSeen === undefined && document.querySelector('[data-testid="track-ahead"]')) {
      window.__placeSeen = true;
      requestAnimationFrame(() => (window.__placeAt = performance.now()));
    }
  }).observe(document, { childList: true, subtree: true });
`;

export async function measureTrackOpen(
  browser: Browser,
  opts: { tickets?: number; opens?: number } = {},
): Promise<TrackOpenFigures> {
  const tickets = opts.tickets ?? 5000;
  const configDir = benchConfigDir();
  const config = await loadStoreConfig(configDir);
  const dataDir = mkdtempSync(join(tmpdir(), 'nextup-bench-track-'));
  const events = dayOfEvents({
    store: config.store.id,
    tickets,
    startWall: Date.now() - tickets * 3 - 60_000,
  });
  await seedHubHistory(dataDir, config.store.id, config.store.timeZone, events);
  const hub = await startTestHub({ configDir, dataDir });
  try {
    const ticket = await seedTicket(hub, config, 'advice');
    const url = trackingUrl(undefined, hub.httpUrl, ticket.id, 'en', Date.now());
    const samples: number[] = [];
    for (let i = 0; i < (opts.opens ?? 30) + 1; i++) {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      });
      try {
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
        await page.addInitScript(MARK_PLACE);
        await page.goto(url);
        await page.getByTestId('track-ahead').waitFor();
        await page.waitForFunction(
          () => (window as unknown as { __placeAt?: number }).__placeAt !== undefined,
        );
        const ms = await page.evaluate(
          () => (window as unknown as { __placeAt: number }).__placeAt,
        );
        if (i > 0) samples.push(Math.round(ms * 10) / 10); // the first warms the hub's answers
      } finally {
        await context.close();
      }
    }
    return { ticketsInHistory: tickets, openToPlaceMs: summarize(samples) };
  } finally {
    await hub.close();
  }
}
