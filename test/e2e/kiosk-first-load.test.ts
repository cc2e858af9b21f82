import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestHub, testConfigDir } from '../support/hub.ts';
import { hubAndBrowser } from '../support/hub-and-browser.ts';

/**
 * A kiosk's very first start on a phone-sized screen (Lighthouse's): nothing on the welcome
 * moves when the waits come in; the self-hosted fonts for other scripts (the language buttons
 * in Hindi and Arabic, 100 KB) are asked for only after the first screen, except on a page in
 * such a language; the kiosk's own chunks are hinted on the kiosk's page only.
 */
const NOTE_FIRST_SCREEN = `
  window.__shifts = 0;
  window.__serviceShifts = 0;
  const SERVICES = '.kiosk-services, .kiosk-services *';
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__shifts += e.value;
      if (e.sources.some((s) => s.node instanceof Element && s.node.matches(SERVICES))) {
        window.__serviceShifts += e.value;
      }
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new MutationObserver((_, seen) => {
    if (document.querySelector('[data-testid^="service-"]')) {
      window.__usableAt = performance.now();
      window.__fontsOnAtFirstScreen = document.documentElement.classList.contains('script-fonts');
      seen.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

const FONT = /\/assets\/noto-sans-(devanagari|arabic)-[^/]+\.woff2$/;

/** When the page asked for each self-hosted font, and when its buttons showed. */
function fontRequests(page: Page): Promise<{ usableAt: number; fonts: number[] }> {
  return page.evaluate((pattern) => {
    const font = new RegExp(pattern);
    return {
      usableAt: (window as unknown as { __usableAt: number }).__usableAt,
      fonts: performance
        .getEntriesByType('resource')
        .filter((e) => font.test(new URL(e.name).pathname))
        .map((e) => e.startTime),
    };
  }, FONT.source);
}

describe("a kiosk's first start on a narrow screen", () => {
  const env = hubAndBrowser();

  async function firstStart(url: string): Promise<Page> {
    const context = await env.browser.newContext({
      serviceWorkers: 'block',
      viewport: { width: 412, height: 823 },
    });
    await context.addInitScript({ content: NOTE_FIRST_SCREEN });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByTestId('service-advice').waitFor();
    return page;
  }

  it('moves nothing when the waits come in, and fetches the other scripts’ fonts after its first screen', async () => {
    const page = await firstStart(`${env.hub.httpUrl}/kiosk?kiosk=kiosk-1`);
    // the waits known ("checking the wait" replaced), and the fonts in
    await page
      .locator('[data-testid="service-wait-advice"][data-kind]:not([data-kind="checking"])')
      .waitFor();
    await page.waitForFunction(() => document.documentElement.classList.contains('script-fonts'));
    await page.evaluate(() => document.fonts.ready);
    await expect
      .poll(async () => (await fontRequests(page)).fonts.length, { timeout: 15_000 })
      .toBeGreaterThan(0);
    const { usableAt, fonts } = await fontRequests(page);
    expect(
      await page.evaluate(
        () => (window as { __fontsOnAtFirstScreen?: boolean }).__fontsOnAtFirstScreen,
      ),
    ).toBe(false);
    expect(Math.min(...fonts)).toBeGreaterThan(usableAt);
    // the language buttons do get their own fonts
    const hindiFont = await page
      .getByTestId('language-hi')
      .evaluate((el) => getComputedStyle(el).fontFamily);
    expect(hindiFont).toMatch(/^"Noto Sans Devanagari"/);
    // Lighthouse's "cumulative layout shift": 0.07 when the wait's second line pushed the
    // buttons below it down. The service buttons never move; what else moves is small: the
    // connection badge as its words change (it keeps to the screen's corner), the language
    // buttons beside one whose own font came in (0.009 in most runs, 0.015 when both fall
    // in one frame)
    const shifts = await page.evaluate(() => {
      const w = window as { __shifts?: number; __serviceShifts?: number };
      return { all: w.__shifts, services: w.__serviceShifts };
    });
    expect(shifts.services).toBe(0);
    expect(shifts.all).toBeLessThan(0.03);
    // the kiosk's screen's chunks were hinted with the runtime's; Dexie is not asked for
    // before the buttons work: a first start creates its database without it
    // (src/data/device-db.ts), and loads it after its first screen, as a later start does
    // (kiosk-first-paint.test.ts)
    expect(
      await page.locator('head link[rel="modulepreload"][href*="/KioskSurface-"]').count(),
    ).toBe(1);
    const dexieAsked = (): Promise<number[]> =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((e) => /\/assets\/(db|dexie-storage)-[^/]+\.js$/.test(new URL(e.name).pathname))
          .map((e) => e.startTime),
      );
    await expect.poll(async () => (await dexieAsked()).length, { timeout: 15_000 }).toBe(2);
    expect(Math.min(...(await dexieAsked()))).toBeGreaterThan(usableAt);
    await page.context().close();
  });

  it('turns the fonts on at once for a store whose language needs them', async () => {
    const arabic = await startTestHub({
      configDir: testConfigDir((c) => {
        const store = c.store as { defaultLanguage: string; languages: string[] };
        store.defaultLanguage = 'ar';
        store.languages = ['ar', ...store.languages];
        // every name has its text in the default language (here the English one)
        const inArabic = (x: unknown): void => {
          if (typeof x !== 'object' || x === null) return;
          const o = x as Record<string, unknown>;
          if (typeof o.en === 'string') o.ar ??= o.en;
          Object.values(o).forEach(inArabic);
        };
        inArabic(c);
      }),
    });
    try {
      const page = await firstStart(`${arabic.httpUrl}/kiosk?kiosk=kiosk-1`);
      expect(
        await page.evaluate(
          () => (window as { __fontsOnAtFirstScreen?: boolean }).__fontsOnAtFirstScreen,
        ),
      ).toBe(true);
      expect(
        await page.locator('.kiosk__title').evaluate((el) => getComputedStyle(el).fontFamily),
      ).toMatch(/^"Noto Sans Arabic"/);
      await page.context().close();
    } finally {
      await arabic.close();
    }
  });

  it("hints only the device runtime's chunks on another surface's page", async () => {
    const context = await env.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${env.hub.httpUrl}/board`);
    await page.waitForFunction(
      () => document.querySelector('head link[rel="modulepreload"][href*="/create-"]') !== null,
    );
    expect(
      await page.locator('head link[rel="modulepreload"][href*="/KioskSurface-"]').count(),
    ).toBe(0);
    await context.close();
  });
});
