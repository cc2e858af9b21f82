import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { StoreConfig } from '../../src/domain/config/types.ts';
import { axeLog, runAxe, smallTargets } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';
import { callTicket, hubConfig, seedTicket } from '../support/seed.ts';
import { waitOnline } from '../support/surfaces.ts';

/**
 * WCAG 2.2 AA with axe-core on the surfaces and states the other browser tests do not reach,
 * keyboard use and touch targets on the kiosk, the kiosk's guards (double tap, rate limit),
 * the manager's hidden way into the settings, and the lobby display's call-outs.
 */
describe('accessible customer surfaces', () => {
  let browser: Browser;
  let hub: TestHub;
  let config: StoreConfig;
  const contexts: BrowserContext[] = [];

  const context = async (viewport = { width: 1024, height: 768 }) => {
    const c = await browser.newContext({ viewport, bypassCSP: true });
    contexts.push(c);
    return c;
  };

  const openKiosk = async (): Promise<Page> => {
    const page = await (await context()).newPage();
    await page.goto(`${hub.httpUrl}/kiosk?kiosk=kiosk-1`);
    await page.getByTestId('service-advice').waitFor();
    await waitOnline(page);
    return page;
  };

  const issuedByKiosk = () =>
    [...hub.agent().replica.state.tickets.values()].filter((t) => t.issuedBy.startsWith('kiosk-1'))
      .length;

  beforeAll(async () => {
    hub = await startTestHub({});
    config = await hubConfig(hub);
    browser = await launchChromium();
  });

  afterAll(async () => {
    console.log(axeLog.join('\n'));
    for (const c of contexts) await c.close();
    await browser?.close();
    await hub?.close();
  });

  it('landing page and kiosk setup', async () => {
    const page = await (await context()).newPage();
    await page.goto(hub.httpUrl);
    await page.getByTestId('link-kiosk').waitFor();
    // every surface, the manager's and the floor's too
    for (const surface of ['kiosk', 'clerk', 'board', 'floor', 'manager']) {
      expect(await page.getByTestId(`link-${surface}`).getAttribute('href')).toBe(`/${surface}`);
    }
    expect(await runAxe(page, 'landing')).toEqual([]);
    await page.goto(`${hub.httpUrl}/kiosk`);
    await page.getByTestId('kiosk-choose-kiosk-1').waitFor();
    expect(await runAxe(page, 'kiosk setup')).toEqual([]);
  });

  it('kiosk: every control is at least 48 px and works from the keyboard with visible focus', async () => {
    const page = await openKiosk();
    expect(await smallTargets(page, 48, 'main')).toEqual([]);
    let focused = '';
    for (let i = 0; i < 10 && focused !== 'service-advice'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(
        () => document.activeElement?.getAttribute('data-testid') ?? '',
      );
    }
    expect(focused).toBe('service-advice');
    const outline = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    expect(outline.style).toBe('solid');
    expect(outline.width).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Enter');
    await page.getByTestId('ticket-number').waitFor();
    expect(await smallTargets(page, 48, 'main')).toEqual([]);
    await page.getByTestId('ticket-done').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('kiosk-welcome').waitFor();
    // back on the welcome screen, focus is on its greeting, not lost on the page
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  });

  it('kiosk: high contrast and large text from the first screen', async () => {
    const page = await openKiosk();
    await page.getByTestId('display-contrast').click();
    expect(
      await page.evaluate(() => document.documentElement.classList.contains('a11y-contrast')),
    ).toBe(true);
    expect(await runAxe(page, 'kiosk welcome, high contrast')).toEqual([]);
    await page.getByTestId('display-large').click();
    const size = await page.evaluate(() =>
      parseFloat(getComputedStyle(document.documentElement).fontSize),
    );
    expect(size).toBeGreaterThan(20);
    expect(await runAxe(page, 'kiosk welcome, contrast + large')).toEqual([]);
    await page.getByTestId('service-checkout').click();
    await page.getByTestId('ticket-number').waitFor();
    expect(await runAxe(page, 'kiosk ticket, contrast + large')).toEqual([]);
  });

  it('kiosk: a double tap gives one ticket; a burst stops at the rate limit, kindly', async () => {
    const page = await openKiosk();
    const before = issuedByKiosk();
    await page.getByTestId('service-pickup').dblclick();
    await page.getByTestId('ticket-number').waitFor();
    await page.waitForTimeout(500);
    await expect.poll(issuedByKiosk).toBe(before + 1);
    expect(await page.getByTestId('ticket').isVisible()).toBe(true);

    // the second tap of a double tap lands on the new screen's Done button: it is ignored
    const done = await page.getByTestId('ticket-done').boundingBox();
    await page.getByTestId('ticket-done').click();
    const service = await page.getByTestId('service-pickup').boundingBox();
    await page.mouse.click(service!.x + 20, service!.y + 20);
    await page.getByTestId('ticket-number').waitFor();
    await page.mouse.move(done!.x + done!.width / 2, done!.y + done!.height / 2);
    await page.mouse.down({ clickCount: 2 });
    await page.mouse.up({ clickCount: 2 });
    await page.waitForTimeout(300);
    expect(await page.getByTestId('ticket').isVisible()).toBe(true);
    expect(issuedByKiosk()).toBe(before + 2);

    // the shipped store allows 4 tickets a minute per kiosk
    for (let i = 0; i < 8; i++) {
      await page.getByTestId('ticket-done').click();
      await page.getByTestId('service-pickup').click();
      const outcome = await Promise.race([
        page
          .getByTestId('ticket-number')
          .waitFor()
          .then(() => 'ticket'),
        page
          .getByTestId('kiosk-error')
          .waitFor()
          .then(() => 'refused'),
      ]);
      if (outcome === 'refused') break;
    }
    const error = page.getByTestId('kiosk-error');
    expect(await error.getAttribute('data-problem')).toBe('rateLimited');
    expect(await error.textContent()).toMatch(
      /^Lots of tickets were just taken here\. Please wait \d+ seconds? and try again/,
    );
    expect(issuedByKiosk()).toBe(before + 4);
    expect(await runAxe(page, 'kiosk welcome, rate limited')).toEqual([]);
  });

  it('kiosk: five taps in the corner and the PIN open the settings; nothing else does', async () => {
    const page = await openKiosk();
    for (let i = 0; i < 4; i++) await page.mouse.click(10, 10);
    expect(await page.getByTestId('pin-dialog').count()).toBe(0);
    await page.mouse.click(10, 10);
    await page.getByTestId('pin-dialog').waitFor();
    expect(await runAxe(page, 'kiosk PIN pad')).toEqual([]);
    // typed on a keyboard: digits, then Enter
    for (const d of '1111') await page.keyboard.press(d);
    await page.keyboard.press('Enter');
    await page.getByTestId('pin-message').filter({ hasText: 'Wrong PIN. 4 tries left.' }).waitFor();
    for (const d of '2468') await page.getByTestId(`pin-key-${d}`).click();
    await page.getByTestId('pin-unlock').click();
    await page.getByTestId('kiosk-settings').waitFor();
    expect(await page.getByTestId('kiosk-settings').textContent()).toContain('kiosk-1');
    expect(await runAxe(page, 'kiosk settings')).toEqual([]);
    await page.getByTestId('settings-close').click();
    await page.getByTestId('kiosk-settings').waitFor({ state: 'detached' });
  });

  it('board: the call flashes, is announced in the live region and spoken in the display’s language', async () => {
    const c = await context({ width: 1920, height: 1080 });
    await c.addInitScript(() => {
      const spoken: { text: string; lang: string }[] = [];
      (window as unknown as { __spoken: typeof spoken }).__spoken = spoken;
      speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
        spoken.push({ text: u.text, lang: u.lang });
      };
    });
    const board = await c.newPage();
    await board.goto(`${hub.httpUrl}/board?lang=pl`);
    await waitOnline(board);
    // calls already there when the board starts are not announced: let it start first
    await board.getByTestId('waiting-returns').waitFor();
    const seeded = await seedTicket(hub, config, 'returns');
    await callTicket(hub, seeded.id, 'counter-3');
    await board.locator(`[data-testid="latest-call"][data-number="${seeded.number}"]`).waitFor();
    const spokenNumber = `R ${Number(seeded.number.slice(1))}`;
    const sentence = `Numer ${spokenNumber}, Stanowisko 3.`;
    await board.getByTestId('board-announcement').filter({ hasText: sentence }).waitFor();
    await expect
      .poll(() => board.evaluate(() => (window as unknown as { __spoken: unknown[] }).__spoken), {
        timeout: 5000,
      })
      .toEqual([{ text: sentence, lang: 'pl' }]);
    expect(await board.getByTestId('waiting-returns').textContent()).toMatch(/czeka|czekają/);
    expect(await runAxe(board, 'board (pl) with a call')).toEqual([]);

    await board.goto(`${hub.httpUrl}/board?lang=ar`);
    await waitOnline(board);
    await board.getByTestId('latest-call').waitFor();
    expect(await board.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await runAxe(board, 'board (ar)')).toEqual([]);
  });
});
