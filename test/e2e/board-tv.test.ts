import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, launchChromium } from '../support/browser.ts';
import { spokenTicketNumber } from '../../src/ui/i18n/format.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';
import { openBoard, openClerk, openKiosk, takeTicket, waitOnline } from '../support/surfaces.ts';

/**
 * The lobby display on a TV nobody touches: started as the README says (Chromium with
 * `--autoplay-policy=no-user-gesture-required`), it chimes and speaks the first call without a
 * tap and never shows "Turn on sound". The board shows only calls that still stand (a no-show
 * leaves it; a recall says "Called again"), and where the browser does hold sound back, the
 * "Turn on sound" button covers no tile at 1920×1080 or 1280×720.
 */
const TV_FLAG = '--autoplay-policy=no-user-gesture-required';

/** Records, without changing them, the tones the page starts and the sentences it speaks. */
const SOUND_SPY = `
  window.__sound = { tones: [], spoken: [] };
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (...args) {
    window.__sound.tones.push(this.context.state);
    return start.apply(this, args);
  };
  const speak = speechSynthesis.speak.bind(speechSynthesis);
  speechSynthesis.speak = (utterance) => {
    window.__sound.spoken.push(utterance.text);
    return speak(utterance);
  };
`;

/**
 * Headless Chromium lets every page play sound, flag or not (and counts its navigation as the
 * page's activation); this gives the board a desktop browser's default policy instead: audio
 * stays suspended until the page asks for it while handling a real tap.
 */
const GESTURE_REQUIRED = `
  const Native = window.AudioContext;
  window.AudioContext = class extends Native {
    gated = true;
    get state() {
      return this.gated ? 'suspended' : super.state;
    }
    resume() {
      const tap = window.event;
      if (this.gated && tap && tap.isTrusted && tap.type === 'click') {
        this.gated = false;
        this.dispatchEvent(new Event('statechange'));
      }
      return this.gated ? Promise.resolve() : super.resume();
    }
  };
`;

interface Sound {
  readonly tones: readonly string[];
  readonly spoken: readonly string[];
}

const heard = (page: Page) =>
  page.evaluate(() => (window as unknown as { __sound: Sound }).__sound);

describe('the lobby display on a TV', () => {
  let tv: Browser;
  let browser: Browser;
  let hub: TestHub;
  const contexts: BrowserContext[] = [];
  const context = async (on: Browser, width = 1280, height = 720) => {
    const c = await on.newContext({ viewport: { width, height } });
    contexts.push(c);
    return c;
  };

  beforeAll(async () => {
    hub = await startTestHub({});
    tv = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [...CHROMIUM_ARGS, TV_FLAG],
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await tv?.close();
    await browser?.close();
    await hub?.close();
  });

  it('started with autoplay allowed, chimes and speaks a call without a tap', async () => {
    const tvContext = await context(tv, 1920, 1080);
    await tvContext.addInitScript(SOUND_SPY);
    const board = await openBoard(tvContext, hub.httpUrl);
    await board.locator('main.board[data-sound="armed"]').waitFor();
    expect(await board.getByTestId('sound-unlock').count()).toBe(0);

    const kiosk = await openKiosk(await context(browser), hub.httpUrl);
    const clerk = await openClerk(await context(browser), hub.httpUrl, 'counter-1');
    const number = await takeTicket(kiosk, 'advice');
    await clerk.getByTestId('call-next').click();
    await board.locator(`[data-testid="latest-call"][data-number="${number}"]`).waitFor();

    const announcement = board.getByTestId('board-announcement');
    await expect
      .poll(() => announcement.textContent(), { timeout: 15_000 })
      .toContain(spokenTicketNumber(number));
    const text = (await announcement.textContent()) ?? '';
    // spoken once the chime has played (about 1.5 s)
    await expect.poll(async () => (await heard(board)).spoken, { timeout: 15_000 }).toEqual([text]);
    const { tones } = await heard(board);
    // the two notes of the chime, played by a running audio context: no tap was needed
    expect(tones).toEqual(['running', 'running']);
    expect(await board.getByTestId('sound-unlock').count()).toBe(0);

    await clerk.getByTestId('complete').click();
    await board.getByTestId('latest-call').waitFor({ state: 'detached' });
  });

  it('shows only calls that still stand and marks a recall', async () => {
    const board = await openBoard(await context(tv), hub.httpUrl);
    const kiosk = await openKiosk(await context(browser), hub.httpUrl);
    const clerk1 = await openClerk(await context(browser), hub.httpUrl, 'counter-2');
    const clerk2 = await openClerk(await context(browser), hub.httpUrl, 'counter-4');
    const first = await takeTicket(kiosk, 'advice');
    const second = await takeTicket(kiosk, 'advice');
    const latest = (n: string) => board.locator(`[data-testid="latest-call"][data-number="${n}"]`);

    await clerk1.getByTestId('call-next').click();
    await clerk1.locator(`[data-testid="current-ticket"][data-number="${first}"]`).waitFor();
    await clerk2.getByTestId('call-next').click();
    await latest(second).waitFor();
    await expect
      .poll(() => latest(second).getAttribute('data-recall'), { timeout: 15_000 })
      .toBe('false');

    await clerk1.getByTestId('recall').click();
    await latest(first).locator('[data-testid="latest-recall"]').waitFor();
    expect(await latest(first).getAttribute('data-recall')).toBe('true');
    const firstRow = board.locator(`[data-testid="serving-item"][data-number="${first}"]`);
    expect(await firstRow.getAttribute('data-recall')).toBe('true');
    expect(await firstRow.textContent()).toContain('Called again');

    // the first customer did not come: the board forgets the call, the second one is latest
    await clerk1.getByTestId('no-show').click();
    await latest(second).waitFor();
    await firstRow.waitFor({ state: 'detached' });
    const shown = await board
      .locator('[data-number]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-number')));
    expect(shown).not.toContain(first);
    expect(await board.locator('main.board').textContent()).not.toContain(first);

    // and after the second is served, nobody is called
    await clerk2.getByTestId('complete').click();
    await board.getByTestId('latest-call').waitFor({ state: 'detached' });
    expect(await board.locator('main.board').textContent()).not.toContain(second);
  });

  describe.each([
    [1920, 1080],
    [1280, 720],
  ])('where sound waits for a touch, at %i×%i', (width, height) => {
    it.each(['en', 'ru'])(
      '"Turn on sound" in %s covers no tile, and a tap arms it',
      async (lang) => {
        const c = await context(browser, width, height);
        await c.addInitScript(GESTURE_REQUIRED);
        const board = await c.newPage();
        await board.goto(`${hub.httpUrl}/board?lang=${lang}`);
        await waitOnline(board);
        await board.locator('main.board[data-sound="blocked"]').waitFor();
        const button = board.getByTestId('sound-unlock');
        await button.waitFor();
        await board.locator('.board-waiting__item').first().waitFor();

        const overlaps = await board.evaluate(() => {
          const b = document.querySelector('[data-testid="sound-unlock"]')!.getBoundingClientRect();
          const tiles = document.querySelectorAll(
            '.board-latest, .board-serving, .board-waiting__item, .board-recent__item, [data-testid="connection"]',
          );
          const hit = [...tiles].filter((el) => {
            const r = el.getBoundingClientRect();
            return r.left < b.right && b.left < r.right && r.top < b.bottom && b.top < r.bottom;
          });
          const inView =
            b.left >= 0 && b.top >= 0 && b.right <= innerWidth && b.bottom <= innerHeight;
          return { tiles: tiles.length, hit: hit.map((el) => el.className), inView };
        });
        expect(overlaps.tiles).toBeGreaterThan(3);
        expect(overlaps.hit).toEqual([]);
        expect(overlaps.inView).toBe(true);

        await button.click();
        await board.locator('main.board[data-sound="armed"]').waitFor();
        await button.waitFor({ state: 'detached' });
      },
    );
  });
});
