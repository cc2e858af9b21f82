import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreConfig } from '../../src/domain/config/types.ts';
import { localAt } from '../../src/domain/hours/wall-time.ts';
import { launchChromium } from '../support/browser.ts';
import { daytimeZone } from '../support/daytime-zone.ts';
import { startTestHub, testConfigDir, type TestHub } from '../support/hub.ts';
import { newPhone } from '../support/phone.ts';
import { hubConfig, seedTicket } from '../support/seed.ts';
import { openClerk, waitForQueueItem } from '../support/surfaces.ts';

/**
 * Booking a time, in real Chromium on a phone-sized screen: /book lists the times with room,
 * the booking's page shows the day, time and check-in code, a calendar file downloads, the
 * booking moves to another time, "I'm here" issues its ticket and opens the tracking page, and
 * the clerk's call next takes the booked customer at their time ahead of a walk-in who came
 * later (and one who came earlier). A cancelled booking's time is free again.
 *
 * Time: 5-minute slots, one place each, and opening hours whose slots start three minutes
 * after the test starts (so the first slot is due: a booked ticket is called from five
 * minutes before its time) and the second eight minutes after. The store's zone is one where it
 * is day now, so today has times left at whatever hour the test runs.
 */
describe('booking a time', () => {
  let browser: Browser;
  let hub: TestHub;
  let config: StoreConfig;
  let clerk: Page;

  beforeAll(async () => {
    const zone = daytimeZone(Date.now());
    const local = localAt(Date.now(), zone).minute;
    const first = (local + 3) % 5;
    const open = `00:${String(first).padStart(2, '0')}`;
    hub = await startTestHub({
      configDir: testConfigDir((c) => {
        (c.store as Record<string, unknown>).timeZone = zone;
        const services = c.services as Record<string, unknown>[];
        const advice = services.find((s) => s.id === 'advice')!;
        advice.booking = { slotMin: 5, perSlot: 1, lateMin: 10 };
        advice.hours = {
          weekly: Object.fromEntries(
            ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [
              d,
              { open, close: '24:00' },
            ]),
          ),
        };
        c.booking = { range: { from: 5000, to: 5999 }, daysAhead: 3 };
      }),
    });
    config = await hubConfig(hub);
    browser = await launchChromium();
    clerk = await openClerk(
      await browser.newContext({ viewport: { width: 1024, height: 768 } }),
      hub.httpUrl,
      'counter-1',
      ['advice'],
    );
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  /** Opens /book and waits for today's times. */
  async function openBook(phone: BrowserContext): Promise<Page> {
    const page = await phone.newPage();
    await page.goto(`${hub.httpUrl}/book`);
    await page.getByTestId('book-slot').first().waitFor();
    return page;
  }
  const slotTimes = (page: Page) =>
    page
      .getByTestId('book-slot')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-at'))));

  it('books, downloads the calendar file, moves, checks in and is called ahead of a later walk-in', async () => {
    const phone = await newPhone(browser);
    const page = await openBook(phone);
    const [first, second] = await slotTimes(page);
    expect(second! - first!).toBe(5 * 60_000);
    await page.getByTestId('book-slot').nth(1).click();
    await page.getByTestId('book-name').fill('Ana');
    await page.getByTestId('book-submit').click();

    await page.getByTestId('book-confirmation').waitFor();
    const code = (await page.getByTestId('book-code').textContent()) ?? '';
    expect(code).toMatch(/^\d{6}$/);
    expect(Number(await page.getByTestId('book-when').getAttribute('data-at'))).toBe(second);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('book-calendar').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`booking-${code}.ics`);
    const ics = readFileSync(await download.path(), 'utf8').replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('BEGIN:VEVENT');
    const stamp = new Date(second!).toISOString().replace(/[-:]/g, '').slice(0, 15);
    expect(ics).toContain(`DTSTART:${stamp}Z`);

    // move to the first time (each slot has one place: the second one is free again after)
    await page.getByTestId('book-move').click();
    await page.getByTestId('book-move-picker').getByTestId('book-slot').first().waitFor();
    const offered = await slotTimes(page);
    expect(offered).not.toContain(second); // its own place is taken: by this booking
    await page.locator(`[data-testid="book-slot"][data-at="${first}"]`).click();
    await page.getByTestId('book-move-submit').click();
    await page.locator(`[data-testid="book-when"][data-at="${first}"]`).waitFor();
    const booked = hub.agent().replica.state.appointments;
    expect([...booked.values()]).toEqual([
      expect.objectContaining({ at: first, code, name: 'Ana', status: 'booked' }),
    ]);

    // a walk-in in line before the booked customer arrives: the booked time still goes first
    const earlier = await seedTicket(hub, config, 'advice');
    await page.getByTestId('book-here').click();
    await page.waitForURL(/\/t\/[a-z2-7]{26}/);
    const number = (await page.getByTestId('track-number').textContent()) ?? '';
    expect(number).toBe('A5000');

    // a walk-in who comes after the booked customer checked in
    const walkIn = await seedTicket(hub, config, 'advice');
    await waitForQueueItem(clerk, walkIn.number);
    await waitForQueueItem(clerk, number);
    await clerk.getByTestId('call-next').click();
    await clerk.locator(`[data-testid="current-ticket"][data-number="${number}"]`).waitFor();
    await page.getByTestId('track-called').waitFor();
    await clerk.getByTestId('complete').click();
    await clerk.getByTestId('call-next').click();
    await clerk
      .locator(`[data-testid="current-ticket"][data-number="${earlier.number}"]`)
      .waitFor();
    expect(hub.logLines.some((l) => l.includes(`booking ${code} checked in from the phone`))).toBe(
      true,
    );
    await phone.close();
  });

  it("speaks the customer's language, Arabic right to left", async () => {
    const phone = await newPhone(browser);
    const page = await phone.newPage();
    await page.goto(`${hub.httpUrl}/book?lang=ar`);
    await page.getByTestId('book-slot').first().waitFor();
    expect(await page.getByTestId('book').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('h1').textContent()).toContain('احجز موعدًا');
    await phone.close();
  });

  it("frees a cancelled booking's time for others", async () => {
    const phone = await newPhone(browser);
    const page = await openBook(phone);
    const [at] = await slotTimes(page);
    await page.locator(`[data-testid="book-slot"][data-at="${at}"]`).click();
    await page.getByTestId('book-submit').click();
    await page.getByTestId('book-confirmation').waitFor();

    const other = await openBook(await newPhone(browser));
    expect(await slotTimes(other)).not.toContain(at);

    await page.getByTestId('book-cancel').click();
    await page.getByTestId('book-cancel-sure').click();
    await page.getByTestId('book-cancelled').waitFor();
    await other.reload();
    await other.getByTestId('book-slot').first().waitFor();
    expect(await slotTimes(other)).toContain(at);
    expect(hub.logLines.some((l) => /booking \d{6} cancelled by the customer/.test(l))).toBe(true);
    await phone.close();
  });
});
