import { describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { hubAndBrowser } from '../support/hub-and-browser.ts';

/**
 * The kiosk's first paint (src/boot.ts): from its second start, the lobby sees the store's
 * welcome before the app has loaded, a still copy that promises no wait, then the live screen
 * takes over. A kiosk that cannot start shows why, not the copy.
 */
/** The device runtime's chunk (src/apps/runtime/create.ts): the app cannot start without it. */
const RUNTIME_CHUNK = /\/assets\/create-[^/]+\.js$/;

/** Each page of `context` notes in `window[key]` when an element matching `selector` first shows. */
async function noteWhenShown(
  context: BrowserContext,
  selector: string,
  key: string,
): Promise<void> {
  await context.addInitScript({
    content: `new MutationObserver((_, seen) => {
      if (document.querySelector(${JSON.stringify(selector)})) {
        window[${JSON.stringify(key)}] = performance.now();
        seen.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });`,
  });
}

describe("the kiosk's first paint", () => {
  const env = hubAndBrowser();

  /** A kiosk that has shown its welcome once (no service worker: the test holds its chunks). */
  async function kioskSeenOnce(): Promise<{
    context: BrowserContext;
    title: string;
    names: string[];
    lastButtonTop: number;
  }> {
    const context = await env.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${env.hub.httpUrl}/kiosk?kiosk=kiosk-1`);
    await page.getByTestId('service-advice').waitFor();
    // the copy is kept once the browser is idle after the first screen
    await page.waitForFunction(() => localStorage.getItem('nextup.kiosk.welcome') !== null);
    const title = (await page.locator('.kiosk__title').textContent()) ?? '';
    const names = await page.locator('.kiosk-service__name').allTextContents();
    const lastButtonTop = (await page.locator('.kiosk-service').last().boundingBox())!.y;
    await page.close();
    return { context, title, names, lastButtonTop };
  }

  it('paints the last welcome before the app loads, then hands over to the live screen', async () => {
    const { context, title, names, lastButtonTop } = await kioskSeenOnce();
    let release = (): void => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let heldCount = 0;
    await context.route(RUNTIME_CHUNK, async (route) => {
      heldCount++;
      await held;
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(`${env.hub.httpUrl}/kiosk`, { waitUntil: 'commit' });
    const layer = page.locator('#first-paint');
    await layer.waitFor();
    expect(await layer.locator('.kiosk__title').textContent()).toBe(title);
    expect(await layer.locator('.kiosk-service__name').allTextContents()).toEqual(names);
    expect(names.length).toBeGreaterThan(0);
    // the footer's room is kept: nothing moves when the live screen comes
    const top = (await layer.locator('.kiosk-service').last().boundingBox())!.y;
    expect(Math.abs(top - lastButtonTop)).toBeLessThan(1);
    // an old copy promises no wait, and nothing in it can be tapped
    for (const wait of await layer.locator('.kiosk-service__wait').allTextContents()) {
      expect(wait.trim()).toBe('');
    }
    expect(await layer.getAttribute('aria-hidden')).toBe('true');
    expect(await layer.evaluate((el) => (el as HTMLElement).inert)).toBe(true);
    expect(await page.locator('[data-testid^="service-"]').count()).toBe(0);
    expect(heldCount).toBeGreaterThan(0);

    release();
    await page.getByTestId('service-advice').waitFor();
    await page.locator('#first-paint').waitFor({ state: 'detached' });
    expect(await page.locator('.kiosk__title').textContent()).toBe(title);
    await context.close();
  });

  it("a second start asks Intl for no date formatter and no language name before its buttons (each loads ICU's data, 50-110 ms at 4x)", async () => {
    const { context } = await kioskSeenOnce();
    // the store zone's offsets are kept once the first start's screen is up
    const first = await context.newPage();
    await first.goto(`${env.hub.httpUrl}/kiosk`);
    await first.waitForFunction(() => localStorage.getItem('nextup.zoneOffsets') !== null);
    await first.close();
    await context.addInitScript({
      content: `(() => {
        const made = (window.__intlBeforeButtons = []);
        let shown = false;
        new MutationObserver(() => {
          shown ||= document.querySelector('[data-testid^="service-"]') !== null;
        }).observe(document, { childList: true, subtree: true });
        for (const name of ['DateTimeFormat', 'DisplayNames']) {
          const Made = Intl[name];
          const Counted = function (...args) {
            if (!shown) made.push(name);
            return new Made(...args);
          };
          Counted.prototype = Made.prototype;
          Counted.supportedLocalesOf = Made.supportedLocalesOf;
          Intl[name] = Counted;
        }
      })();`,
    });
    const page = await context.newPage();
    await page.goto(`${env.hub.httpUrl}/kiosk`);
    await page.getByTestId('service-advice').waitFor();
    await page.getByTestId('language-pl').waitFor();
    expect(
      await page.evaluate(
        () => (window as unknown as { __intlBeforeButtons: string[] }).__intlBeforeButtons,
      ),
    ).toEqual([]);
    // and the language picker names each language in itself
    expect(await page.getByTestId('language-pl').textContent()).toBe('Polski');
    await context.close();
  });

  it("asks for the device runtime's chunks only once the welcome is painted (their loading held the first paint back)", async () => {
    const { context } = await kioskSeenOnce();
    await noteWhenShown(context, '#first-paint', '__layerAt');
    const page = await context.newPage();
    await page.goto(`${env.hub.httpUrl}/kiosk`);
    await page.getByTestId('service-advice').waitFor();
    const { layerAt, runtimeAsked } = await page.evaluate((pattern) => {
      const chunk = new RegExp(pattern);
      return {
        layerAt: (window as unknown as { __layerAt?: number }).__layerAt,
        runtimeAsked: performance
          .getEntriesByType('resource')
          .filter((e) => chunk.test(new URL(e.name).pathname))
          .map((e) => e.startTime),
      };
    }, RUNTIME_CHUNK.source);
    expect(layerAt).toBeGreaterThan(0);
    expect(runtimeAsked.length).toBe(1);
    expect(runtimeAsked[0]).toBeGreaterThan(layerAt!);
    // and the hints are in the head by then, so the chunks still download together
    expect(await page.locator('head link[rel="modulepreload"][href*="/create-"]').count()).toBe(1);
    await context.close();
  });

  it('a second start reads its database without Dexie before its buttons, and loads Dexie after them', async () => {
    const { context } = await kioskSeenOnce();
    await noteWhenShown(context, '[data-testid^="service-"]', '__usableAt');
    const page = await context.newPage();
    await page.goto(`${env.hub.httpUrl}/kiosk`);
    await page.getByTestId('service-advice').waitFor();
    /** Scripts fetched before and after the buttons showed that hold Dexie's code. */
    const dexieScripts = (): Promise<{ before: number; after: number }> =>
      page.evaluate(async () => {
        const usableAt = (window as unknown as { __usableAt: number }).__usableAt;
        const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          // (not this check's own reads of them)
          .filter((e) => e.initiatorType !== 'fetch' && new URL(e.name).pathname.endsWith('.js'));
        const found = { before: 0, after: 0 };
        for (const s of scripts) {
          const code = await (await fetch(s.name)).text();
          // an error class of Dexie's that survives minifying
          if (code.includes('DatabaseClosedError')) {
            found[s.startTime < usableAt ? 'before' : 'after']++;
          }
        }
        return found;
      });
    await expect.poll(dexieScripts, { timeout: 10_000 }).toEqual({ before: 0, after: 1 });
    // the kiosk works on it: a ticket, kept in its database
    await page.getByTestId('service-advice').click();
    await page.getByTestId('ticket-number').waitFor();
    await context.close();
  });

  it('a kiosk that cannot start shows why, not the still welcome', async () => {
    const { context } = await kioskSeenOnce();
    await context.route(RUNTIME_CHUNK, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${env.hub.httpUrl}/kiosk`);
    await page.getByTestId('startup-error').waitFor();
    expect(await page.locator('#first-paint').count()).toBe(0);
    await context.close();
  });
});
