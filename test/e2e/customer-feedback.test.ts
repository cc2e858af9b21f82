import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CUSTOMER_IDLE_MS } from '../../src/apps/clerk/visit/handover.ts';
import { runAxe } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';
import { openClerk, openKiosk, waitForQueueItem } from '../support/surfaces.ts';

/**
 * The rating the clerk hands to the customer: the whole screen, in the language the customer
 * chose at the kiosk (Arabic, right to left), three large faces and an optional 0–10, and
 * nothing of the clerk's screen reachable or visible; back to the clerk after the answer, a
 * "No, thanks" or a minute with nobody touching it.
 */
const TABLET = { width: 1280, height: 800 };

/** What the clerk's screen shows and the customer must not see (English staff texts). */
const STAFF_TEXTS = [
  'Get a manager',
  'Difficult customer?',
  'Call next',
  'Customer left',
  'Recall',
];

describe('the rating screen in the customer’s hands', () => {
  let browser: Browser;
  let hub: TestHub;
  const contexts: BrowserContext[] = [];
  const newContext = async () => {
    // bypassCSP: axe is injected as an inline script, which the hub's CSP rightly refuses
    const c = await browser.newContext({ viewport: TABLET, bypassCSP: true });
    contexts.push(c);
    return c;
  };

  beforeAll(async () => {
    hub = await startTestHub({});
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await hub?.close();
  });

  const atStep = (page: Page, step: string) =>
    page.locator(`[data-testid="visit"][data-step="${step}"]`).waitFor();
  const tap = (page: Page, action: string) => page.getByTestId(`visit-action-${action}`).click();

  /** From the greeting to "Thank you": the customer paid. */
  const toThanking = async (clerk: Page) => {
    await atStep(clerk, 'greeting');
    for (const [action, step] of [
      ['GREETED', 'offeringHelp'],
      ['HELP_ACCEPTED', 'assisting'],
      ['READY_TO_PAY', 'checkingOut.asking'],
      ['FOUND_EVERYTHING', 'checkingOut.paying'],
      ['PAID', 'thanking'],
    ] as const) {
      await tap(clerk, action);
      await atStep(clerk, step);
    }
  };

  const dialog = (page: Page) => page.getByTestId('customer-feedback');

  it('speaks the kiosk’s Arabic, right to left, covers everything of the clerk’s, and returns after the answer', async () => {
    const kiosk = await openKiosk(await newContext(), hub.httpUrl);
    await kiosk.getByTestId('language-ar').click();
    await expect.poll(() => kiosk.evaluate(() => document.documentElement.lang)).toBe('ar');
    await kiosk.getByTestId('service-advice').click();
    const number = ((await kiosk.getByTestId('ticket-number').textContent()) ?? '').trim();
    await kiosk.getByTestId('ticket-done').click();

    const clerk = await openClerk(await newContext(), hub.httpUrl, 'counter-1');
    await waitForQueueItem(clerk, number);
    await clerk.getByTestId('call-next').click();
    await clerk.locator(`[data-testid="visit"][data-ticket="${number}"]`).waitFor();
    await toThanking(clerk);
    const visitId = (await clerk.getByTestId('visit').getAttribute('data-visit')) ?? '';
    // the clerk's own screen does show staff things: the check below is not empty-handed
    const staffScreen = (await clerk.locator('body').innerText()) ?? '';
    for (const text of STAFF_TEXTS) expect(staffScreen).toContain(text);

    await clerk.getByTestId('visit-handover').click();
    await dialog(clerk).waitFor();
    await expect.poll(() => clerk.evaluate(() => document.documentElement.lang)).toBe('ar');
    expect(await clerk.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await dialog(clerk).getAttribute('dir')).toBe('rtl');
    await expect.poll(() => dialog(clerk).innerText()).toContain('كيف كانت زيارتك اليوم؟');

    const seen = await clerk.evaluate(() => {
      const d = document.querySelector('[data-testid="customer-feedback"]')!;
      const r = d.getBoundingClientRect();
      // every staff element with a box: what a tap at its centre reaches
      const outside = [...document.querySelectorAll('body *')].filter((el) => {
        if (d.contains(el)) return false;
        const b = el.getBoundingClientRect();
        return b.width > 0 && b.height > 0;
      });
      const reached = outside.map((el) => {
        const b = el.getBoundingClientRect();
        const x = Math.min(innerWidth - 1, Math.max(0, b.left + b.width / 2));
        const y = Math.min(innerHeight - 1, Math.max(0, b.top + b.height / 2));
        return d.contains(document.elementFromPoint(x, y));
      });
      const box = (el: Element) => {
        const b = el.getBoundingClientRect();
        return { width: b.width, height: b.height };
      };
      return {
        full: [r.left, r.top, r.width, r.height],
        viewport: [0, 0, innerWidth, innerHeight],
        outside: outside.length,
        covered: reached.every(Boolean),
        buttons: [...d.querySelectorAll('button')].map((b) => b.dataset['testid']),
        faces: [...d.querySelectorAll('[data-testid^="feedback-"]')]
          .filter((el) => el.getAttribute('data-testid') !== 'feedback-skip')
          .map(box),
        scores: [...d.querySelectorAll('[data-testid^="nps-"]')].map(box),
        text: (d as HTMLElement).innerText,
      };
    });
    expect(seen.full).toEqual(seen.viewport);
    expect(seen.outside).toBeGreaterThan(20);
    expect(seen.covered).toBe(true);
    expect(seen.buttons).toEqual([
      'feedback-bad',
      'feedback-neutral',
      'feedback-good',
      ...Array.from({ length: 11 }, (_, i) => `nps-${i}`),
      'feedback-skip',
    ]);
    for (const face of seen.faces) {
      expect(face.width).toBeGreaterThanOrEqual(200);
      expect(face.height).toBeGreaterThanOrEqual(140);
    }
    for (const score of seen.scores) {
      expect(score.width).toBeGreaterThanOrEqual(48);
      expect(score.height).toBeGreaterThanOrEqual(48);
    }
    for (const text of [...STAFF_TEXTS, number]) expect(seen.text).not.toContain(text);
    expect(await runAxe(clerk, 'clerk: rating in the customer’s hands (ar)')).toEqual([]);

    await clerk.getByTestId('nps-8').click();
    await clerk.getByTestId('feedback-good').click();
    await expect.poll(() => clerk.getByTestId('feedback-thanks').textContent()).toBe('شكرًا لك!');
    await dialog(clerk).waitFor({ state: 'detached' });
    await clerk
      .locator(
        `[data-testid="visit-finished"][data-visit="${visitId}"][data-satisfaction="good"][data-nps="8"]`,
      )
      .waitFor();
    expect(await clerk.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect
      .poll(() =>
        hub
          .agent()
          .replica.events()
          .filter((e) => e.type === 'visit.feedback' && e.visit === visitId),
      )
      .toEqual([expect.objectContaining({ satisfaction: 'good', nps: 8 })]);
  });

  it('a walk-in reads the store’s language; "No, thanks" and a minute untouched both give the tablet back', async () => {
    const context = await newContext();
    const clerk = await context.newPage();
    await clerk.clock.install();
    await clerk.goto(`${hub.httpUrl}/clerk`);
    await clerk.getByTestId('counter-choose-counter-2').click();
    await clerk.getByTestId('counter-open').click();
    await clerk.getByTestId('call-next').waitFor();

    // "No, thanks": the visit ends without a rating
    await clerk.getByTestId('visit-walk-in').click();
    await toThanking(clerk);
    const skipped = (await clerk.getByTestId('visit').getAttribute('data-visit')) ?? '';
    await clerk.getByTestId('visit-handover').click();
    await expect.poll(() => dialog(clerk).innerText()).toContain('How was your visit today?');
    await clerk.getByTestId('feedback-skip').click();
    await dialog(clerk).waitFor({ state: 'detached' });
    await clerk
      .locator(`[data-testid="visit-finished"][data-visit="${skipped}"][data-satisfaction=""]`)
      .waitFor();

    // nobody touches it: after a minute the clerk has the tablet back, still at "Thank you"
    await clerk.getByTestId('visit-walk-in').click();
    await toThanking(clerk);
    await clerk.getByTestId('visit-handover').click();
    await dialog(clerk).waitFor();
    await clerk.clock.fastForward(CUSTOMER_IDLE_MS - 5_000);
    // a tap on the scale counts as someone there: the minute starts again
    await clerk.getByTestId('nps-3').click();
    await clerk.clock.fastForward(10_000);
    expect(await dialog(clerk).count()).toBe(1);
    await clerk.clock.fastForward(CUSTOMER_IDLE_MS);
    await dialog(clerk).waitFor({ state: 'detached' });
    await atStep(clerk, 'thanking');
    await clerk.getByTestId('visit-handover').waitFor();
  });
});
