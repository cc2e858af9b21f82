import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { startTestHub, testConfigDir, type TestHub } from '../support/hub.ts';
import { waitOnline } from '../support/surfaces.ts';

/**
 * The kiosk's welcome screen on a 1280×800 tablet in the longer languages, with and without
 * larger text: the display options stay on screen. The connection badge speaks the customer's
 * language, names keep their direction in Arabic, and the rate-limit message counts down on a
 * controlled clock and stays until the kiosk is free (idle reset included).
 */
const FSI = '\u2068';
const PDI = '\u2069';

interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

interface Layout {
  readonly viewport: { readonly width: number; readonly height: number };
  readonly scrollHeight: number;
  readonly row: Box;
  readonly switches: readonly (Box & { readonly hit: boolean })[];
  readonly footerTop: number;
  readonly lastServiceBottom: number;
}

/** Boxes of the display row, its switches (and whether a tap at their centre reaches them). */
function layout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const box = (el: Element | null): Box => {
      const r = el!.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const switches = ['display-contrast', 'display-large'].map((id) => {
      const el = document.querySelector(`[data-testid="${id}"]`)!;
      const b = box(el);
      const x = (b.left + b.right) / 2;
      const y = (b.top + b.bottom) / 2;
      return { ...b, hit: el.contains(document.elementFromPoint(x, y)) };
    });
    const services = [...document.querySelectorAll('.kiosk-services > *')];
    return {
      viewport: { width: innerWidth, height: innerHeight },
      scrollHeight: document.documentElement.scrollHeight,
      row: box(document.querySelector('.kiosk-display')),
      switches,
      footerTop: box(document.querySelector('[data-testid="kiosk-footer"]')).top,
      lastServiceBottom: Math.max(...services.map((s) => box(s).bottom)),
    };
  });
}

function inside(b: Box, v: Layout['viewport']): boolean {
  return b.left >= 0 && b.top >= 0 && b.right <= v.width && b.bottom <= v.height;
}

async function chooseLanguage(page: Page, lang: string): Promise<void> {
  await page.getByTestId(`language-${lang}`).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
}

async function setLarge(page: Page, on: boolean): Promise<void> {
  const button = page.getByTestId('display-large');
  if ((await button.getAttribute('aria-pressed')) !== String(on)) await button.click();
  await expect
    .poll(() => page.evaluate(() => document.documentElement.classList.contains('a11y-large')))
    .toBe(on);
}

describe('the kiosk on a 1280×800 tablet', () => {
  let browser: Browser;
  let hub: TestHub;
  const contexts: BrowserContext[] = [];

  const openKiosk = async (clock?: 'fake'): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    // installed before the page runs: its timers and Date are the test's, flowing until paused
    if (clock === 'fake') await page.clock.install();
    await page.goto(`${hub.httpUrl}/kiosk?kiosk=kiosk-1`);
    await page.getByTestId('service-advice').waitFor();
    await waitOnline(page);
    return page;
  };

  beforeAll(async () => {
    hub = await startTestHub({
      configDir: testConfigDir((c) => {
        const kiosk = c.kiosk as Record<string, unknown>;
        kiosk.idleResetSec = 20;
        kiosk.rateLimit = { maxTickets: 2, windowSec: 60 };
      }),
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await hub?.close();
  });

  it('keeps the display row and both switches on screen in pl, ru and hu, with and without larger text', async () => {
    const page = await openKiosk();
    const problems: string[] = [];
    for (const lang of ['pl', 'ru', 'hu']) {
      await chooseLanguage(page, lang);
      for (const large of [false, true]) {
        await setLarge(page, large);
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const l = await layout(page);
        const at = `${lang}${large ? ' (larger text)' : ''}`;
        if (!inside(l.row, l.viewport)) problems.push(`${at}: row ${JSON.stringify(l.row)}`);
        l.switches.forEach((s, i) => {
          if (!inside(s, l.viewport)) problems.push(`${at}: switch ${i} ${JSON.stringify(s)}`);
          if (!s.hit) problems.push(`${at}: switch ${i} is covered`);
        });
        if (!large) {
          // at the plain size the whole welcome fits: nothing scrolls, nothing hides under the row
          if (l.scrollHeight > l.viewport.height) problems.push(`${at}: scrolls ${l.scrollHeight}`);
          if (l.lastServiceBottom > l.footerTop) problems.push(`${at}: services under the footer`);
        }
      }
      await setLarge(page, false);
    }
    expect(problems).toEqual([]);

    // with larger text the services scroll under the row and every one of them can be reached
    await chooseLanguage(page, 'ru');
    await setLarge(page, true);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const end = await layout(page);
    expect(end.lastServiceBottom).toBeLessThanOrEqual(end.footerTop);
    expect(inside(end.switches[1]!, end.viewport)).toBe(true);
  });

  it("speaks the customer's language in the connection badge, and the store's again when left", async () => {
    const page = await openKiosk();
    const badge = page.getByTestId('connection');
    expect(await badge.textContent()).toBe('Online');
    await chooseLanguage(page, 'ru');
    await expect.poll(() => badge.textContent()).toBe('В сети');
    expect(await badge.getAttribute('lang')).toBe('ru');
    await chooseLanguage(page, 'ar');
    await expect.poll(() => badge.textContent()).toBe('متصل');
    await chooseLanguage(page, 'hi');
    await expect.poll(() => badge.textContent()).toBe('ऑनलाइन');
    await chooseLanguage(page, 'en');
    await expect.poll(() => badge.textContent()).toBe('Online');
  });

  it('keeps names in their own direction inside Arabic sentences', async () => {
    const page = await openKiosk();
    await chooseLanguage(page, 'ar');
    const title = await page.locator('h1').textContent();
    expect(title).toBe(`مرحبًا بك في ${FSI}متجر Nextup التجريبي${PDI}`);
  });

  it('counts the rate limit down and keeps it until the kiosk is free, through the idle reset', async () => {
    const page = await openKiosk('fake');
    for (let i = 0; i < 2; i++) {
      await page.getByTestId('service-pickup').click();
      await page.getByTestId('ticket-done').click();
      await page.getByTestId('kiosk-welcome').waitFor();
    }
    await page.getByTestId('service-pickup').click();
    const error = page.locator('[data-testid="kiosk-error"][data-problem="rateLimited"]');
    await error.waitFor();
    const freeAt = Number(await error.getAttribute('data-free-at'));
    const countdown = page.getByTestId('kiosk-error-countdown');

    // Offline from here: online, the kiosk keeps to the hub's clock (its rate limit counts on
    // the store's time), which real time moves on while the page's stands still; offline, the
    // store's time is the page's own.
    await page.context().setOffline(true);
    await page.locator('[data-testid="connection"][data-state="offline"]').waitFor();
    // from here the page's time moves only when the test moves it
    // (a little ahead: the page's clock keeps flowing while the test asks for it)
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 500);
    let now = await page.evaluate(() => Date.now());
    // The clock fires a timer, then gives the page one task: a tick the page plans in reply may
    // come after the run ended, due at once. Each wait fires such ticks until the page shows it.
    const settled = <T>(read: () => Promise<T>, want: T) =>
      expect
        .poll(
          async () => {
            await page.clock.runFor(0);
            return read();
          },
          { timeout: 15_000 },
        )
        .toBe(want);
    const showing = async (seconds: number) => {
      await settled(() => countdown.getAttribute('data-seconds'), String(seconds));
      return countdown.textContent();
    };
    const run = async (ms: number) => {
      await page.clock.runFor(ms);
      now += ms;
    };

    // a whole second later, one second less, in the customer's language and plural
    await chooseLanguage(page, 'pl');
    const first = Math.ceil((freeAt - now) / 1000);
    expect(first).toBeGreaterThan(25);
    await run((freeAt - now) % 1000 || 1000);
    const second = Math.ceil((freeAt - now) / 1000);
    expect(second).toBe(first - 1);
    expect(await showing(second)).toMatch(new RegExp(`Poczekaj ${second} sekund[y]? i spróbuj`));

    // the kiosk returns to its own language when left alone; the countdown stays
    await run(21_000);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    const third = Math.ceil((freeAt - now) / 1000);
    expect(await showing(third)).toMatch(
      new RegExp(`^Lots of tickets were just taken here\\. Please wait ${third} seconds and try`),
    );

    // one millisecond before the promised moment it still says one second
    await run(freeAt - now - 1);
    expect(await showing(1)).toMatch(/Please wait 1 second and try again/);
    expect(await error.count()).toBe(1);

    // at the moment itself the message goes, and the next tap gives a ticket
    await run(1);
    await settled(() => error.count(), 0);
    await page.clock.resume();
    await page.getByTestId('service-pickup').click();
    await page.getByTestId('ticket-number').waitFor();
  });
});
