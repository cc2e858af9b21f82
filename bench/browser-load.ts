import type { Browser, BrowserContext } from 'playwright-core';
import { browserTargets, isAddressBarPopup, launchChromium } from '../test/support/browser.ts';
import { startTestHub } from '../test/support/hub.ts';
import { goOffline, installApp, startOnce } from './kiosk-budgets.ts';
import { benchConfigDir } from './sim/bench-config.ts';
import { summarize, type Summary } from './stats.ts';

/**
 * What desktop Chromium's address-bar popups cost a kiosk's start in these benchmarks
 * (test/support/browser.ts): the same installed kiosk started offline at 4x, with an empty
 * day, in our browser and in one with Playwright's flags alone (every benchmark run before
 * 2026-12-07 14:00 UTC), one start in each in turn so the machine's drift falls on both.
 */
export interface BrowserLoadFigures {
  readonly startsEach: number;
  readonly withPopups: BrowserSide;
  readonly without: BrowserSide;
}

interface BrowserSide {
  /** The browser's own address-bar pages made with the measured start's window. */
  readonly popupPages: number;
  readonly usableMs: Summary;
  readonly firstPaintMs: Summary;
}

interface Side {
  readonly browser: Browser;
  context?: BrowserContext;
  popupPages: number;
  readonly usable: number[];
  readonly paints: number[];
}

const sideOf = (browser: Browser): Side => ({ browser, popupPages: 0, usable: [], paints: [] });

const figuresOf = (side: Side): BrowserSide => ({
  popupPages: side.popupPages,
  usableMs: summarize(side.usable),
  firstPaintMs: summarize(side.paints),
});

export async function measureBrowserLoad(
  ours: Browser,
  opts: { starts: number },
): Promise<BrowserLoadFigures> {
  const hub = await startTestHub({ configDir: benchConfigDir() });
  try {
    const other = await launchChromium({ withPopups: true });
    try {
      const url = `${hub.httpUrl}/kiosk?kiosk=kiosk-1`;
      return await compare(url, sideOf(other), sideOf(ours), opts.starts);
    } finally {
      await other.close();
    }
  } finally {
    await hub.close();
  }
}

async function compare(
  url: string,
  withPopups: Side,
  without: Side,
  starts: number,
): Promise<BrowserLoadFigures> {
  try {
    for (const side of [withPopups, without]) {
      side.context = await side.browser.newContext();
      await (await installApp(side.context, url)).close();
      await goOffline(side.context);
    }
    // the first start of each warms its disk cache, as in the kiosk entry
    for (let i = 0; i <= starts; i++) {
      for (const side of i % 2 === 0 ? [withPopups, without] : [without, withPopups]) {
        const { page, usable, painted } = await startOnce(side.context!, url);
        if (i === 1)
          side.popupPages = (await browserTargets(side.browser)).filter(isAddressBarPopup).length;
        await page.close();
        if (i === 0) continue;
        side.usable.push(usable);
        side.paints.push(painted);
      }
    }
  } finally {
    await withPopups.context?.close();
    await without.context?.close();
  }
  if (withPopups.popupPages === 0 || without.popupPages !== 0) {
    throw new Error(
      `the browsers are not the two kinds compared: ${withPopups.popupPages} popup pages with, ${without.popupPages} without`,
    );
  }
  return { startsEach: starts, withPopups: figuresOf(withPopups), without: figuresOf(without) };
}
