import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreConfig } from '../../src/domain/config/types.ts';
import { launchChromium } from '../support/browser.ts';
import { startTestHub, testConfigDir, type TestHub } from '../support/hub.ts';
import { newPhone } from '../support/phone.ts';
import { hubConfig, seedTicket } from '../support/seed.ts';
import { openClerk, openKiosk, waitForQueueItem, waitOnline } from '../support/surfaces.ts';

/**
 * Joining the line from a phone, in real Chromium on phone-sized screens: /join lists the
 * services with their wait, one tap gives a ticket and opens its tracking page; the clerk sees
 * it marked as a phone ticket and "not here yet", and call next passes over it until the
 * customer taps "I'm here"; then the clerk calls it. A ticket not checked in within its grace
 * time is dropped with the reason; one live ticket per phone and a few per address an hour.
 */
describe('joining the line from a phone', () => {
  let browser: Browser;
  let hub: TestHub;
  let config: StoreConfig;
  let clerk: Page;

  beforeAll(async () => {
    hub = await startTestHub({
      configDir: testConfigDir((c) => {
        const services = c.services as Record<string, unknown>[];
        const service = (id: string) => services.find((s) => s.id === id) ?? {};
        service('advice').remote = { checkIn: true, graceMin: 60 };
        // six seconds of grace: the drop is seen within the test
        service('returns').remote = { checkIn: true, graceMin: 0.1 };
        c.join = { range: { from: 1000, to: 1999 }, perAddressPerHour: 4 };
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

  const status = (ticket: string) => hub.agent().replica.state.tickets.get(ticket)?.status;

  async function joinFrom(phone: BrowserContext, service: string, name?: string): Promise<Page> {
    const page = await phone.newPage();
    await page.goto(`${hub.httpUrl}/join`);
    await page.getByTestId(`join-service-${service}`).waitFor();
    if (name !== undefined) await page.getByTestId('join-name').fill(name);
    await page.getByTestId(`join-service-${service}`).click();
    return page;
  }

  const ticketOf = (page: Page) => new URL(page.url()).pathname.split('/').pop()!;

  it('joins from /join, waits unseen by call next until "I\'m here", then is called', async () => {
    const phone = await newPhone(browser);
    const page = await joinFrom(phone, 'advice', 'Ana');
    await page.getByTestId('checkin').waitFor();
    const number = (await page.getByTestId('track-number').textContent()) ?? '';
    expect(number).toBe('A1000');
    const ticket = ticketOf(page);

    await waitForQueueItem(clerk, number);
    const item = clerk.locator(`[data-testid="queue-item"][data-number="${number}"]`);
    expect(await item.getAttribute('data-channel')).toBe('phone');
    expect(await item.getAttribute('data-callable')).toBe('false');
    expect(await item.getByTestId('queue-name').textContent()).toBe('Ana');
    expect(await item.getByTestId('queue-not-here').textContent()).toBe('Not here yet');
    expect(await clerk.getByTestId('call-next').isDisabled()).toBe(true);

    // a customer who took a ticket at the kiosk after them is called first: they are here
    const walkIn = await seedTicket(hub, config, 'advice');
    await waitForQueueItem(clerk, walkIn.number);
    await clerk.getByTestId('call-next').click();
    await clerk.locator(`[data-testid="current-ticket"][data-number="${walkIn.number}"]`).waitFor();
    expect(status(ticket)).toBe('waiting');
    await clerk.getByTestId('complete').click();
    await clerk.getByTestId('current-empty').waitFor();
    expect(await clerk.getByTestId('call-next').isDisabled()).toBe(true);

    await page.getByTestId('checkin-here').click();
    await page.getByTestId('checkin-done').waitFor();
    await clerk
      .locator(`[data-testid="queue-item"][data-number="${number}"][data-callable="true"]`)
      .waitFor();
    await clerk.getByTestId('call-next').click();
    await clerk.locator(`[data-testid="current-ticket"][data-number="${number}"]`).waitFor();
    await page.getByTestId('track-called').waitFor();
    expect(hub.logLines.some((l) => l.includes(`ticket ${number} checked in`))).toBe(true);

    // one live ticket per phone: this phone is at the counter now
    const again = await joinFrom(phone, 'pickup');
    await again.getByTestId('join-refused').waitFor();
    expect(await again.getByTestId('join-refused').getAttribute('data-kind')).toBe(
      'phoneHasTicket',
    );
    expect(await again.getByTestId('join-open-ticket').getAttribute('href')).toBe(`/t/${ticket}`);
    await phone.close();
  });

  it('drops a ticket not checked in within the grace time, with the reason', async () => {
    const phone = await newPhone(browser);
    const page = await joinFrom(phone, 'returns');
    await page.getByTestId('checkin').waitFor();
    const ticket = ticketOf(page);
    // the grace is six seconds; the hub's timer drops it and the page says why
    await page
      .locator('[data-testid="track-dropped"][data-reason="noCheckIn"]')
      .waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('track-dropped').textContent()).toBe(
      'You did not check in in time, so your place was given up. You are welcome to join again.',
    );
    const dropped = hub
      .agent()
      .replica.events()
      .find((e) => e.type === 'ticket.cancelled' && e.ticket === ticket);
    expect(dropped).toMatchObject({ reason: 'noCheckIn', device: `agent-${hub.storeId}` });
    await phone.close();
  });

  it('checks in at the kiosk by the number the phone shows', async () => {
    const phone = await newPhone(browser);
    const page = await joinFrom(phone, 'advice');
    await page.getByTestId('checkin').waitFor();
    const number = (await page.getByTestId('track-number').textContent()) ?? '';
    const kiosk = await openKiosk(
      await browser.newContext({ viewport: { width: 1024, height: 768 } }),
      hub.httpUrl,
    );
    await kiosk.getByTestId('phone-checkin-open').click();
    await kiosk.getByTestId('phone-checkin-number').fill('A999');
    await kiosk.getByTestId('phone-checkin-submit').click();
    await kiosk.getByTestId('phone-checkin-unknown').waitFor();
    await kiosk.getByTestId('phone-checkin-number').fill(number.toLowerCase());
    await kiosk.getByTestId('phone-checkin-submit').click();
    await kiosk.getByTestId('phone-checkin-done').waitFor();
    expect(await kiosk.getByTestId('phone-checkin-done').textContent()).toBe(
      `Thank you, ${number} is checked in.`,
    );
    // the phone hears it from the hub: nothing left to check in
    await page.getByTestId('checkin').waitFor({ state: 'detached' });
    await clerk
      .locator(`[data-testid="queue-item"][data-number="${number}"][data-callable="true"]`)
      .waitFor();
    await kiosk.context().close();
    await phone.close();
  });

  it('refuses a fifth ticket from one address within the hour, in the customer’s language', async () => {
    // three phone tickets from this address so far; a fourth is allowed, a fifth is not
    const third = await newPhone(browser);
    const page = await joinFrom(third, 'pickup');
    await page.getByTestId('track-number').waitFor();
    const fourth = await newPhone(browser);
    const refused = await fourth.newPage();
    await refused.goto(`${hub.httpUrl}/join?lang=ar`);
    await refused.getByTestId('join-service-pickup').click();
    await refused.locator('[data-testid="join-refused"][data-kind="addressLimit"]').waitFor();
    expect(await refused.getByTestId('join').getAttribute('dir')).toBe('rtl');
    expect(await refused.getByTestId('join-refused').textContent()).toContain(
      'أُخذت تذاكر كثيرة من هذه الشبكة للتو',
    );
    expect(
      hub.logLines.some((l) => l.includes('phone ticket refused') && l.includes('addressLimit')),
    ).toBe(true);
    await third.close();
    await fourth.close();
  });

  it('prints a poster for the entrance from the manager screen: the QR of /join, every language', async () => {
    const manager = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 } })
    ).newPage();
    await manager.goto(`${hub.httpUrl}/manager`);
    await waitOnline(manager);
    await manager.getByTestId('manager-join-poster').click();
    const poster = manager.getByTestId('join-poster');
    await poster.locator('li[lang="ar"][dir="rtl"]').waitFor();
    expect(await poster.getAttribute('data-url')).toBe(`${hub.httpUrl}/join`);
    expect(await poster.locator('li').count()).toBe(config.store.customerLanguages?.length);
    expect(
      await manager.getByTestId('join-poster-qr').locator('path, rect').count(),
    ).toBeGreaterThan(0);
    await manager.emulateMedia({ media: 'print' });
    expect(await manager.getByTestId('manager-join-poster').isVisible()).toBe(false);
    expect(await poster.isVisible()).toBe(true);
    await manager.context().close();
  });
});
