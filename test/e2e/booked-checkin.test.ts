import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreConfig } from '../../src/domain/config/types.ts';
import type { EventBody } from '../../src/domain/queue/events.ts';
import { launchChromium } from '../support/browser.ts';
import { daytimeZone } from '../support/daytime-zone.ts';
import { controlledByWorker, workerSources } from '../support/worker-cache.ts';
import { startTestHub, testConfigDir, type TestHub } from '../support/hub.ts';
import { hubConfig, seedTicket } from '../support/seed.ts';
import { openClerk, openKiosk, waitForQueueItem, waitOnline } from '../support/surfaces.ts';

/**
 * A booked customer at the store, in real Chromium: the day's bookings reach every screen
 * through the log (the hub writes them, as /book does); at the kiosk the customer types their
 * code and gets a ticket; the clerk's line shows them with their time ahead of a walk-in who
 * came earlier, and call next takes them at their time; one who comes early waits for it,
 * one too late is told so; the manager sees the day's bookings and who came; an installed
 * kiosk checks one in offline.
 */
describe('a booked customer checking in at the store', () => {
  let browser: Browser;
  let hub: TestHub;
  let config: StoreConfig;
  let kiosk: Page;
  let clerk: Page;
  const MIN = 60_000;

  beforeAll(async () => {
    hub = await startTestHub({
      configDir: testConfigDir((c) => {
        // a zone where it is day: the bookings two minutes and three hours away are today's
        (c.store as Record<string, unknown>).timeZone = daytimeZone(Date.now());
        const services = c.services as Record<string, unknown>[];
        services.find((s) => s.id === 'advice')!.booking = { slotMin: 15, perSlot: 2 };
        c.booking = { range: { from: 2000, to: 2999 } };
      }),
    });
    config = await hubConfig(hub);
    browser = await launchChromium();
    const now = Date.now();
    await book('b-now', now + 2 * MIN, '111111', 'Ola');
    await book('b-later', now + 3 * 60 * MIN, '222222');
    await book('b-gone', now - 30 * MIN, '333333');
    kiosk = await openKiosk(
      await browser.newContext({ viewport: { width: 1024, height: 768 } }),
      hub.httpUrl,
    );
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

  /** The hub's agent writes a booking into today's log, as it does for /book. */
  async function book(appointment: string, at: number, code: string, name?: string) {
    const event: EventBody = {
      type: 'appointment.booked',
      appointment,
      service: 'advice',
      at,
      code,
      ...(name !== undefined ? { name } : {}),
    };
    const outcome = await hub.agent().replica.run(() => ({ ok: true, event }));
    if (!outcome.ok) throw new Error(outcome.error);
  }

  async function checkIn(code: string): Promise<void> {
    await kiosk.getByTestId('booking-checkin-open').click();
    await kiosk.getByTestId('booking-checkin-code').fill(code);
    await kiosk.getByTestId('booking-checkin-submit').click();
  }

  it('is called at its time ahead of a walk-in who came before them', async () => {
    const walkIn = await seedTicket(hub, config, 'advice');
    await waitForQueueItem(clerk, walkIn.number);

    await checkIn('111111');
    const number = (await kiosk.getByTestId('ticket-number').textContent())?.trim() ?? '';
    expect(number).toMatch(/^A\d+$/);
    await kiosk.getByTestId('ticket-done').click();

    await waitForQueueItem(clerk, number);
    const items = clerk.locator('[data-testid="queue-item"]');
    expect(await items.first().getAttribute('data-number')).toBe(number);
    const item = clerk.locator(`[data-testid="queue-item"][data-number="${number}"]`);
    expect(await item.getAttribute('data-booked')).toBe('true');
    expect(await item.getByTestId('queue-booked').textContent()).toMatch(/^Booked \d/);
    expect(await item.getByTestId('queue-name').textContent()).toBe('Ola');

    await clerk.getByTestId('call-next').click();
    await clerk.locator(`[data-testid="current-ticket"][data-number="${number}"]`).waitFor();
    const ticket = hub.agent().replica.state.appointments.get('b-now')?.ticket;
    expect(ticket).toBeDefined();
    await expect.poll(() => hub.agent().replica.state.tickets.get(ticket!)?.status).toBe('called');
    await clerk.getByTestId('complete').click();
  });

  it('waits for its time when early, while a walk-in is served; a late one takes a ticket', async () => {
    await checkIn('222222');
    const early = (await kiosk.getByTestId('ticket-number').textContent())?.trim() ?? '';
    await kiosk.getByTestId('ticket-done').click();
    await waitForQueueItem(clerk, early);
    const item = clerk.locator(`[data-testid="queue-item"][data-number="${early}"]`);
    expect(await item.getAttribute('data-callable')).toBe('false');
    // the walk-in from the first test is next: the booked customer is hours early
    const walkIn = clerk.locator('[data-testid="queue-item"][data-callable="true"]').first();
    const walkInNumber = await walkIn.getAttribute('data-number');
    await clerk.getByTestId('call-next').click();
    await clerk.locator(`[data-testid="current-ticket"][data-number="${walkInNumber}"]`).waitFor();
    await clerk.getByTestId('complete').click();

    await checkIn('333333');
    await kiosk.getByTestId('booking-checkin-late').waitFor();
    await kiosk.getByTestId('booking-checkin-code').fill('999999');
    await kiosk.getByTestId('booking-checkin-submit').click();
    await kiosk.getByTestId('booking-checkin-unknown').waitFor();
    await kiosk.getByTestId('booking-checkin-code').fill('111111');
    await kiosk.getByTestId('booking-checkin-submit').click();
    expect(await kiosk.getByTestId('booking-checkin-arrived').textContent()).toContain('A');
  });

  it("lists the day's bookings for the manager: who came, who is expected, who is late", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const manager = await context.newPage();
    await manager.goto(`${hub.httpUrl}/manager`);
    await waitOnline(manager);
    const rows = manager.getByTestId('manager-booking');
    await rows.nth(2).waitFor();
    const statuses = await rows.evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-status')),
    );
    // the one half an hour late: "late" until the hub marks it missed
    expect(['late', 'missed']).toContain(statuses[0]);
    expect(statuses.slice(1)).toEqual(['here', 'here']);
    await context.close();
  });

  it("checks in offline on an installed kiosk: the form's chunk comes from the worker's precache", async () => {
    await book('b-offline', Date.now() + 60 * MIN, '444444');
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await openKiosk(context, hub.httpUrl, 'kiosk-2');
    expect(await controlledByWorker(page, page.getByTestId('service-advice'))).toBe(true);
    await waitOnline(page);
    await context.setOffline(true);
    await page.reload();
    await page.locator('[data-testid="connection"][data-state="offline"]').waitFor();
    await page.getByTestId('booking-checkin-open').click();
    await page.getByTestId('booking-checkin-code').fill('444444');
    await page.getByTestId('booking-checkin-submit').click();
    expect((await page.getByTestId('ticket-number').textContent())?.trim()).toMatch(/^A\d+$/);
    // not from the network, nor the browser's HTTP cache: a chunk left out of the precache fails
    const sources = await workerSources(page, '/assets/BookingCheckInForm-');
    expect(sources.length).toBeGreaterThan(0);
    expect(new Set(sources)).toEqual(new Set(['cache']));
    await context.close();
  });
});
