import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreConfig } from '../../src/domain/config/types.ts';
import { openCounter } from '../../src/domain/queue/commands.ts';
import { runAxe } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { startTestHub, testConfigDir, type TestHub } from '../support/hub.ts';
import { newPhone } from '../support/phone.ts';
import { hubConfig, seedTicket, setWaiting } from '../support/seed.ts';
import { openBoard, openKiosk, waitOnline } from '../support/surfaces.ts';

/**
 * Honesty of the waits, as people see them: with no counter open for a service, no screen
 * promises a wait (kiosk tile and ticket, lobby board, phone, floor view, manager), the staff
 * screens show it in red and the alert goes up; and people ahead count everyone the ticket's
 * counter calls first, not only its own service.
 */
const NO_COUNTER = 'No counter is open for this right now';

describe('honest waits', () => {
  let browser: Browser;
  let hub: TestHub;
  let config: StoreConfig;
  let kiosk: Page;
  let phone: BrowserContext;

  beforeAll(async () => {
    // the ticket screen stays up while the test looks at the other screens
    hub = await startTestHub({
      configDir: testConfigDir((c) => {
        (c.kiosk as Record<string, unknown>).idleResetSec = 600;
      }),
    });
    config = await hubConfig(hub);
    browser = await launchChromium();
    kiosk = await openKiosk(
      await browser.newContext({ viewport: { width: 1024, height: 768 }, bypassCSP: true }),
      hub.httpUrl,
    );
    phone = await newPhone(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  /** Takes a ticket at the kiosk; leaves the ticket screen open. */
  async function takeAtKiosk(service: string): Promise<{ url: string; number: string }> {
    await kiosk.getByTestId(`service-${service}`).click();
    const qr = kiosk.getByTestId('ticket-qr');
    await qr.waitFor();
    return {
      url: (await qr.getAttribute('data-value')) ?? '',
      number: (await kiosk.getByTestId('ticket-number').textContent()) ?? '',
    };
  }

  async function backToWelcome(): Promise<void> {
    await kiosk.getByTestId('ticket-done').click();
    await kiosk.getByTestId('kiosk-welcome').waitFor();
  }

  it('no counter for pickup: every screen says so, none promises a wait, the alert goes up', async () => {
    // nobody opened a counter today; two customers already wait for pickup
    await setWaiting(hub, config, 'pickup', 2);

    // the kiosk's tile (the wait model loads after the first screen)
    const tile = kiosk.locator('[data-testid="service-wait-pickup"][data-kind="noCounter"]');
    await tile.waitFor();
    expect(await tile.textContent()).toBe(NO_COUNTER);

    // the ticket screen: people ahead, the sentence, no number, not "you are next"
    const { url, number } = await takeAtKiosk('pickup');
    // and the ticket records no promise: there was no number to keep
    const issued = () =>
      hub
        .agent()
        .replica.events()
        .find((e) => e.type === 'ticket.issued' && e.number === number);
    await expect.poll(() => issued() !== undefined).toBe(true);
    expect(issued()).not.toHaveProperty('promised');
    const wait = kiosk.getByTestId('ticket-wait');
    await kiosk.locator('[data-testid="ticket-wait"][data-no-counter="true"]').waitFor();
    expect(await wait.textContent()).toBe(NO_COUNTER);
    expect(await wait.getAttribute('data-estimate-sec')).toBeNull();
    expect(await kiosk.getByTestId('ticket-ahead').textContent()).toBe('2 people ahead of you');
    expect(await kiosk.getByTestId('ticket').textContent()).toContain(
      'We will call you when a counter opens for it.',
    );
    expect(await runAxe(kiosk, 'kiosk ticket: no counter')).toEqual([]);
    await backToWelcome();

    // the phone
    const track = await phone.newPage();
    await track.goto(url);
    const trackWait = track.locator('[data-testid="track-wait"][data-no-counter="true"]');
    await trackWait.waitFor();
    expect(await trackWait.textContent()).toBe(NO_COUNTER);
    expect(await track.getByTestId('track-ahead').textContent()).toBe('2 people ahead of you');
    expect(await track.getByTestId('track-status').textContent()).not.toMatch(/next|minute|soon/i);
    expect(await runAxe(track, 'tracking page: no counter')).toEqual([]);
    await track.close();

    // the lobby board
    const boardContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const board = await openBoard(boardContext, hub.httpUrl);
    const boardWait = board.locator('[data-testid="estimate-pickup"][data-kind="noCounter"]');
    await boardWait.waitFor();
    expect(await boardWait.textContent()).toBe(NO_COUNTER);
    await boardContext.close();

    // the floor view: a red card and an alert, never "all waits are within their targets"
    const staff = await browser.newContext({
      viewport: { width: 1280, height: 1000 },
      bypassCSP: true, // axe is injected as an inline script
    });
    const floor = await staff.newPage();
    await floor.goto(`${hub.httpUrl}/floor`);
    await waitOnline(floor);
    const card = floor.locator('[data-testid="floor-wait-pickup"][data-level="noCounter"]');
    await card.waitFor();
    expect(await card.textContent()).toContain(NO_COUNTER);
    const alert = floor.locator('[data-testid="floor-alert-pickup"][data-reason="noCounter"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      'Order pickup: 3 customers waiting and no counter is open for it',
    );
    expect(await floor.getByTestId('floor-no-alerts').count()).toBe(0);
    expect(await runAxe(floor, 'floor: no counter')).toEqual([]);

    // the manager: the sentence, and the card is not green (its own browser: a browser runs one
    // screen of a store at a time, see test/e2e/second-tab.test.ts)
    await staff.close();
    const managerContext = await browser.newContext({
      viewport: { width: 1280, height: 1000 },
      bypassCSP: true,
    });
    const manager = await managerContext.newPage();
    await manager.goto(`${hub.httpUrl}/manager`);
    await waitOnline(manager);
    const mcard = manager.locator('[data-testid="manager-service-pickup"][data-waiting="3"]');
    await mcard.waitFor();
    expect(await mcard.getAttribute('data-level')).toBe('noCounter');
    expect(await manager.getByTestId('manager-estimate-pickup').textContent()).toContain(
      NO_COUNTER,
    );
    const colours = await mcard.evaluate((el) => {
      const probe = document.createElement('div');
      probe.style.color = 'var(--color-primary)';
      document.body.append(probe);
      const green = getComputedStyle(probe).color;
      probe.remove();
      return { green, border: getComputedStyle(el).borderTopColor };
    });
    expect(colours.border).not.toBe(colours.green);
    expect(await runAxe(manager, 'manager: no counter')).toEqual([]);
    await managerContext.close();

    // the hub: the public wait says so and the alert stands, with its reason
    const published = hub
      .agent()
      .waits.current()
      .find((w) => w.service === 'pickup');
    expect(published).toMatchObject({ noCounter: true, openCounters: 0, waiting: 3 });
    expect(hub.agent().waits.activeAlerts()).toContainEqual(
      expect.objectContaining({ service: 'pickup', reason: 'noCounter' }),
    );
  });

  it('C001 behind advice and priority tickets at the only counter that serves it: 4 ahead', async () => {
    // counter 1 serves advice and checkout, and is the only one open for checkout
    const opened = await hub
      .agent()
      .replica.run(() => openCounter('counter-1', ['advice', 'checkout']));
    expect(opened.ok).toBe(true);
    await setWaiting(hub, config, 'advice', 2);
    const { url, number } = await takeAtKiosk('checkout');
    expect(number).toBe('C001');
    // the ticket carries the wait its tile promised, for the accuracy audit: a counter serves
    // checkout, so a number with its range
    const issued = () =>
      hub
        .agent()
        .replica.events()
        .find((e) => e.type === 'ticket.issued' && e.number === number);
    await expect.poll(() => issued() !== undefined).toBe(true);
    const event = issued();
    const promised = event?.type === 'ticket.issued' ? event.promised : undefined;
    expect(Object.keys(promised ?? {}).sort()).toEqual(['high', 'low', 'sec']);
    expect(promised!.low).toBeLessThanOrEqual(promised!.sec);
    expect(promised!.sec).toBeLessThanOrEqual(promised!.high);
    await seedTicket(hub, config, 'advice', true);
    await seedTicket(hub, config, 'advice', true);

    // the kiosk's ticket screen follows the line
    await kiosk.locator('[data-testid="ticket-ahead"][data-ahead="4"]').waitFor();
    expect(await kiosk.getByTestId('ticket-ahead').textContent()).toBe('4 people ahead of you');
    await backToWelcome();

    const track = await phone.newPage();
    await track.goto(url);
    await track.locator('[data-testid="track-status"][data-ahead="4"]').waitFor();
    expect(await track.getByTestId('track-ahead').textContent()).toBe('4 people ahead of you');
    expect(await track.getByTestId('track-status').getAttribute('data-next')).toBe('false');
    expect(await track.getByTestId('track-status').textContent()).not.toContain('You are next');
    // a counter is open: a wait with its range, not the no-counter sentence
    expect(await track.getByTestId('track-wait').textContent()).toMatch(/^About \d+ minutes? \(/);
    await track.close();
  });
});
