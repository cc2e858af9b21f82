import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueTicket } from '../../src/domain/queue/commands.ts';
import { testStore } from '../../src/domain/testing/store.ts';
import { launchChromium } from '../support/browser.ts';
import { staffConfigDir, startTestHub, type TestHub } from '../support/hub.ts';
import { enterPin, waitForQueueItem, waitOnline } from '../support/surfaces.ts';

/**
 * The clerk tablet at the sizes stores use (a 10" tablet upright, a large phone): during a
 * visit the ticket's own buttons are on screen without scrolling, nothing is said twice or
 * cut, the PIN is a keypad, and closing a counter that leaves people unserved asks first.
 */
const SIZES = [
  { width: 800, height: 1280, counter: 'counter-2', staff: 'anna', pin: '2468' },
  { width: 412, height: 915, counter: 'counter-3', staff: 'bo', pin: '1357' },
] as const;

describe('clerk layout on a tablet and a phone', () => {
  let hub: TestHub;
  let browser: Browser;
  let issued = 0;
  beforeAll(async () => {
    hub = await startTestHub({ configDir: staffConfigDir() });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  /** A customer takes a ticket (the hub's agent issues it, from a range no kiosk uses). */
  const issue = async (service: string): Promise<string> => {
    const range = { id: 'layout', name: { en: 'Test' }, range: { from: 1, to: 899 } };
    const r = await hub
      .agent()
      .replica.run((s) => issueTicket(s, testStore, range, service, `layout-${++issued}`));
    if (!r.ok || r.event.type !== 'ticket.issued') throw new Error(JSON.stringify(r));
    return r.event.number;
  };

  const inViewport = async (page: Page, testId: string) => {
    const box = await page.getByTestId(testId).boundingBox();
    const { width, height } = page.viewportSize()!;
    expect(box, testId).not.toBeNull();
    expect(box!.x, testId).toBeGreaterThanOrEqual(0);
    expect(box!.y, testId).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, `${testId} right edge`).toBeLessThanOrEqual(width);
    expect(box!.y + box!.height, `${testId} bottom edge`).toBeLessThanOrEqual(height);
  };

  for (const size of SIZES) {
    it(`${size.width}×${size.height}: keypad sign-in, ticket actions in view, one transfer, whole service names, close asks`, async () => {
      const context = await browser.newContext({
        viewport: { width: size.width, height: size.height },
      });
      const page = await context.newPage();
      try {
        await page.goto(`${hub.httpUrl}/clerk`);
        await page.getByTestId(`staff-${size.staff}`).click();
        // the PIN is a keypad of digit buttons, not a text field to type into
        for (let d = 0; d <= 9; d++) {
          const key = page.getByTestId(`pin-key-${d}`);
          expect(await key.evaluate((el) => el.tagName)).toBe('BUTTON');
          expect((await key.textContent())?.trim()).toBe(String(d));
          await inViewport(page, `pin-key-${d}`);
        }
        expect(await page.locator('[data-testid="staff-signin"] input').count()).toBe(0);
        await enterPin(page, size.pin);
        await page.getByTestId(`counter-choose-${size.counter}`).click();
        await page.getByTestId('counter-open').click();
        await page.getByTestId('call-next').waitFor();
        await waitOnline(page);

        // returns (a long name) is served by this counter alone; customers wait behind
        await issue('returns');
        const behind = await issue('returns');
        await waitForQueueItem(page, behind);
        await page.getByTestId('call-next').click();
        const current = page.getByTestId('current-ticket');
        await current.waitFor();
        const number = await current.getAttribute('data-number');
        await page.locator(`[data-testid="visit"][data-ticket="${number}"]`).waitFor();
        await page.evaluate(() => window.scrollTo(0, 0));

        for (const id of ['complete', 'recall', 'no-show']) await inViewport(page, id);
        expect(await page.getByRole('button', { name: /transfer/i }).count()).toBe(1);
        expect(await page.getByTestId('visit-park').evaluate((el) => el.tagName)).toBe('BUTTON');
        expect(await page.getByTestId('visit-none').count()).toBe(0);
        expect(await page.locator('body').innerText()).not.toContain('No customer with you');

        const names = await page
          .locator('.clerk-tag, .clerk-queue__service, .clerk-current__service')
          .evaluateAll((els) =>
            els.map((el) => ({
              text: (el.textContent ?? '').trim(),
              cut: el.scrollWidth > el.clientWidth,
            })),
          );
        expect(names.map((n) => n.text)).toContain('Returns and exchanges');
        expect(names.filter((n) => n.cut)).toEqual([]);

        // closing would leave the customer behind with no counter for returns: asked first
        await page.getByTestId('close-counter').click();
        await page.getByTestId('close-confirm').waitFor();
        expect(
          await page
            .getByTestId('close-stranded')
            .evaluateAll((els) => els.map((el) => el.getAttribute('data-service'))),
        ).toEqual(['returns']);
        await inViewport(page, 'close-confirm-yes');
        await page.getByTestId('close-keep').click();
        await page.getByTestId('close-confirm').waitFor({ state: 'detached' });
        expect(await page.getByTestId('call-next').count()).toBe(1);

        await page.getByTestId('close-counter').click();
        await page.getByTestId('close-confirm-yes').click();
        await page.getByTestId(`counter-choose-${size.counter}`).waitFor();
        await expect
          .poll(
            () =>
              hub
                .agent()
                .replica.events()
                .filter((e) => e.type === 'counter.closed' && e.counter === size.counter).length,
          )
          .toBe(1);
      } finally {
        await context.close();
      }
    });
  }
});
