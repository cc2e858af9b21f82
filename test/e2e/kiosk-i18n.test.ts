import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { StoreConfig } from '../../src/domain/config/types.ts';
import { axeLog, runAxe } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { startTestHub, testConfigDir, type TestHub } from '../support/hub.ts';
import { hubConfig, setWaiting } from '../support/seed.ts';
import { waitOnline } from '../support/surfaces.ts';

/**
 * The kiosk in each customer language: welcome, a ticket with the right plural form for the
 * people ahead, right-to-left Arabic, Hindi in its self-hosted font, axe on every screen, and
 * the return to the store's language when the kiosk is left alone.
 */
const CASES = [
  { lang: 'en', ahead: 1, text: '1 person ahead of you', title: /^Welcome to / },
  { lang: 'pl', ahead: 5, text: 'Przed Tobą jest 5 osób', title: /witamy!$/ },
  { lang: 'hu', ahead: 3, text: 'Ön előtt 3 ember vár', title: /üdvözöljük!$/ },
  { lang: 'ru', ahead: 3, text: 'Перед вами 3 человека', title: /добро пожаловать!$/ },
  { lang: 'hi', ahead: 1, text: 'आपसे आगे 1 व्यक्ति है', title: /में आपका स्वागत है$/ },
  { lang: 'ar', ahead: 2, text: 'أمامك شخصان', title: /^مرحبًا بك في / },
] as const;

describe('the kiosk in six languages', () => {
  let browser: Browser;
  let hub: TestHub;
  let config: StoreConfig;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    hub = await startTestHub({
      configDir: testConfigDir((c) => {
        const kiosk = c.kiosk as Record<string, unknown>;
        kiosk.idleResetSec = 5;
        kiosk.rateLimit = { maxTickets: 20, windowSec: 60 };
      }),
    });
    config = await hubConfig(hub);
    browser = await launchChromium();
    const context = await browser.newContext({
      viewport: { width: 1024, height: 768 },
      bypassCSP: true,
    });
    page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${hub.httpUrl}/kiosk?kiosk=kiosk-1`);
    await page.getByTestId('service-advice').waitFor();
    await waitOnline(page);
  });

  afterAll(async () => {
    console.log(axeLog.join('\n'));
    await browser?.close();
    await hub?.close();
  });

  it('names every language in itself on the first screen', async () => {
    const names = await page
      .locator('[data-testid^="language-"]')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('lang'), e.textContent]));
    expect(names).toEqual([
      ['en', 'English'],
      ['pl', 'Polski'],
      ['hu', 'Magyar'],
      ['ru', 'Русский'],
      ['hi', 'हिन्दी'],
      ['ar', 'العربية'],
    ]);
  });

  for (const c of CASES) {
    it(`${c.lang}: welcome, ticket with "${c.text}", no axe violations`, async () => {
      await setWaiting(hub, config, 'advice', c.ahead);
      await page.getByTestId(`language-${c.lang}`).click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(c.lang);
      await expect(page.locator('h1').textContent()).resolves.toMatch(c.title);
      expect(await runAxe(page, `kiosk welcome (${c.lang})`)).toEqual([]);

      await page.getByTestId('service-advice').click();
      const ahead = page.getByTestId('ticket-ahead');
      await page.locator(`[data-testid="ticket-ahead"][data-ahead="${c.ahead}"]`).waitFor();
      expect(await ahead.textContent()).toBe(c.text);
      expect(await page.getByTestId('ticket-wait').textContent()).not.toBe('');
      expect(await runAxe(page, `kiosk ticket (${c.lang})`)).toEqual([]);
      await page.getByTestId('ticket-done').click();
      await page.getByTestId('kiosk-welcome').waitFor();
    });
  }

  it('lays Arabic out right to left', async () => {
    await page.getByTestId('language-ar').click();
    const layout = await page.evaluate(() => {
      const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
      const service = document.querySelector('[data-testid="service-advice"]')!;
      return {
        dir: document.documentElement.dir,
        mainDir: document.querySelector('main')!.getAttribute('dir'),
        prefix: service.querySelector('.kiosk-service__prefix')!.getBoundingClientRect().left,
        name: service.querySelector('.kiosk-service__name')!.getBoundingClientRect().left,
        firstService: box('[data-testid="service-advice"]').left,
        secondService: box('[data-testid="service-returns"]').left,
        badge: box('[data-testid="connection"]').left,
      };
    });
    expect(layout.dir).toBe('rtl');
    expect(layout.mainDir).toBe('rtl');
    // the letter badge sits at the start (right) of the button, the first service on the right
    expect(layout.prefix).toBeGreaterThan(layout.name);
    expect(layout.firstService).toBeGreaterThan(layout.secondService);
    expect(layout.badge).toBeLessThan(100);
  });

  it('renders Hindi with the self-hosted Devanagari font, fetched from the hub only', async () => {
    await page.getByTestId('language-hi').click();
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts]
        .filter((f) => f.status === 'loaded')
        .map((f) => `${f.family}/${f.weight}`);
    });
    expect(fonts).toEqual(expect.arrayContaining(['Noto Sans Devanagari/400']));
    expect(requests.some((u) => /\/assets\/noto-sans-devanagari-[^/]+\.woff2$/.test(u))).toBe(true);
    const origin = new URL(hub.httpUrl).origin;
    expect(requests.filter((u) => !/^(data:|blob:)/.test(u) && !u.startsWith(origin))).toEqual([]);
  });

  it("returns to the store's language and plain display when left alone", async () => {
    await page.getByTestId('language-pl').click();
    await page.getByTestId('display-contrast').click();
    await page.getByTestId('service-advice').click();
    await page.getByTestId('ticket-number').waitFor();
    // idleResetSec is 5 in this store: the ticket screen goes, then the welcome is English again
    await page.getByTestId('kiosk-welcome').waitFor({ timeout: 9000 });
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    // no display mode left on (the self-hosted fonts' class stays: src/ui/script-fonts.ts)
    expect(await page.evaluate(() => [...document.documentElement.classList])).toEqual([
      'script-fonts',
    ]);
    expect(await page.getByTestId('language-en').getAttribute('aria-pressed')).toBe('true');
  });
});
