import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { StoreConfig } from '../../src/domain/config/types.ts';
import { trackingUrl } from '../../src/apps/kiosk/tracking-url.ts';
import { openCounter } from '../../src/domain/queue/commands.ts';
import { axeLog, runAxe, smallTargets } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';
import { alertsOn, newPhone } from '../support/phone.ts';
import { callTicket, hubConfig, seedTicket, setWaiting } from '../support/seed.ts';
import { openClerk, openKiosk, waitForQueueItem } from '../support/surfaces.ts';

/**
 * The QR code on the kiosk's ticket opens the tracking page on the customer's phone: live
 * place in line, "you are next", "please go to counter 3" with vibration and a notification,
 * leaving the queue; nothing about anyone else.
 */
describe('the ticket on the customer’s phone', () => {
  let browser: Browser;
  let hub: TestHub;
  let config: StoreConfig;
  let kiosk: Page;
  let phone: BrowserContext;

  beforeAll(async () => {
    hub = await startTestHub({});
    config = await hubConfig(hub);
    browser = await launchChromium();
    kiosk = await openKiosk(
      await browser.newContext({ viewport: { width: 1024, height: 768 } }),
      hub.httpUrl,
    );
    phone = await newPhone(browser);
  });

  afterAll(async () => {
    console.log(axeLog.join('\n'));
    await browser?.close();
    await hub?.close();
  });

  /** Takes a ticket at the kiosk and returns what its QR code encodes. */
  async function ticketQr(service: string): Promise<{ url: string; number: string }> {
    await kiosk.getByTestId(`service-${service}`).click();
    const qr = kiosk.getByTestId('ticket-qr');
    await qr.waitFor();
    const url = (await qr.getAttribute('data-value')) ?? '';
    const number = (await kiosk.getByTestId('ticket-number').textContent()) ?? '';
    await kiosk.getByTestId('ticket-done').click();
    await kiosk.getByTestId('kiosk-welcome').waitFor();
    return { url, number };
  }

  it('follows the ticket live from the QR code to the counter, with vibration and a notification', async () => {
    // a counter serves advice (with none, the page says so instead of a wait: honest-waits.test)
    const open = await hub.agent().replica.run(() => openCounter('counter-4', ['advice']));
    expect(open.ok).toBe(true);
    await setWaiting(hub, config, 'advice', 3);
    const { url, number } = await ticketQr('advice');
    expect(url).toMatch(new RegExp(`^${hub.httpUrl}/t/[a-z2-7]{26}\\?lang=en&at=\\d{10}$`));

    const page = await phone.newPage();
    await page.goto(url);
    await page.locator('[data-testid="track-status"][data-ahead="3"]').waitFor();
    expect(await page.getByTestId('track-number').textContent()).toBe(number);
    expect(await page.getByTestId('track-ahead').textContent()).toBe('3 people ahead of you');
    expect(await page.getByTestId('track-wait').textContent()).toMatch(/^About \d+ minutes? \(/);
    expect(await runAxe(page, 'tracking page: waiting')).toEqual([]);
    expect(await smallTargets(page, 44, 'main')).toEqual([]);

    const ahead = [...hub.agent().replica.state.tickets.values()]
      .filter((t) => t.status === 'waiting' && t.service === 'advice' && t.number !== number)
      .sort((a, b) => (a.queuedHlc < b.queuedHlc ? -1 : 1));
    // 3rd in line (the store's default N): the one "soon" alert (track-alerts.test.ts: only once)
    await callTicket(hub, ahead[0]!.id, 'counter-1');
    const soon = `Ticket ${number}: 2 people ahead of you. Please come back to the counters.`;
    await expect
      .poll(() => alertsOn(page))
      .toEqual([
        { kind: 'vibrate', detail: '[300,150,300]' },
        { kind: 'notification', detail: soon },
      ]);
    expect(await page.getByTestId('track-announce').textContent()).toBe(soon);

    await callTicket(hub, ahead[1]!.id, 'counter-2');
    await callTicket(hub, ahead[2]!.id, 'counter-2');
    await page.locator('[data-testid="track"][data-alerts-checked="waiting:0:0"]').waitFor();
    expect(await page.getByTestId('track-ahead').textContent()).toBe('You are next!');
    expect(await alertsOn(page)).toHaveLength(2);
    expect(await runAxe(page, 'tracking page: you are next')).toEqual([]);

    const ticket = new URL(url).pathname.split('/').pop()!;
    await callTicket(hub, ticket, 'counter-3');
    await page.getByTestId('track-called').waitFor();
    expect(await page.getByTestId('track-called').textContent()).toBe(
      'It is your turn! Please go to Counter 3.',
    );
    await expect
      .poll(async () => (await alertsOn(page)).slice(2))
      .toEqual([
        { kind: 'vibrate', detail: '[400,150,400,150,400]' },
        { kind: 'notification', detail: `Ticket ${number}: please go to Counter 3.` },
      ]);
    expect(await runAxe(page, 'tracking page: called')).toEqual([]);
    await page.close();
  });

  it('lets the customer leave the queue; the line behind moves up; nothing about others leaks', async () => {
    await setWaiting(hub, config, 'returns', 0);
    await kiosk.getByTestId('language-pl').click();
    const { url, number } = await ticketQr('returns');
    expect(url).toMatch(/\?lang=pl&at=\d{10}$/);
    const behind = await seedTicket(hub, config, 'returns');

    const api = await (await fetch(`${hub.httpUrl}/api/track/${behind.id}`)).text();
    expect(JSON.parse(api)).toMatchObject({ number: behind.number, ahead: 1 });
    expect(api).not.toContain(number);
    expect(api).not.toContain(new URL(url).pathname.split('/').pop());

    const page = await phone.newPage();
    await page.goto(url);
    await page.getByTestId('track-status').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pl');
    await page.getByTestId('track-leave').click();
    expect(await runAxe(page, 'tracking page: leave? (pl)')).toEqual([]);
    await page.getByTestId('track-leave-yes').click();
    await page.locator('[data-testid="track-status"][data-status="cancelled"]').waitFor();
    expect(await runAxe(page, 'tracking page: left (pl)')).toEqual([]);

    // the visit is over: the customer may take what the store holds about it, and delete it
    const ticketId = new URL(url).pathname.split('/').pop()!;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('track-data-download').click(),
    ]);
    const held = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      ticket: string;
      events: { type: string; ticket?: string }[];
    };
    expect(held.ticket).toBe(ticketId);
    expect(held.events.map((e) => e.type)).toEqual(['ticket.issued', 'ticket.cancelled']);
    expect(held.events.every((e) => e.ticket === ticketId)).toBe(true);
    await page.getByTestId('track-data-forget').click();
    await page.locator('[data-testid="track-data-status"][data-state="forgotten"]').waitFor();
    expect(await runAxe(page, 'tracking page: your data (pl)')).toEqual([]);

    await expect
      .poll(async () => {
        const view = (await (await fetch(`${hub.httpUrl}/api/track/${behind.id}`)).json()) as {
          ahead: number;
        };
        return view.ahead;
      })
      .toBe(0);
    expect(hub.eventTypes()).toContain('ticket.cancelled');
    await page.close();
  });

  it('shows the place from the page the hub sends, before any request of its own is answered', async () => {
    await setWaiting(hub, config, 'advice', 2);
    const { id, number } = await seedTicket(hub, config, 'advice');
    const url = trackingUrl(undefined, hub.httpUrl, id, 'en', Date.now());
    const context = await newPhone(browser);
    const held: string[] = [];
    // the page's own requests for the ticket stay unanswered: what shows came with the page
    await context.route('**/api/track/**', (route) => {
      held.push(new URL(route.request().url()).pathname);
    });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByTestId('track-ahead').waitFor();
    expect(await page.getByTestId('track-number').textContent()).toBe(number);
    expect(await page.getByTestId('track-ahead').textContent()).toMatch(
      /^\d+ people ahead of you$/,
    );
    // the live stream was asked for and is still unanswered
    await expect.poll(() => held.some((p) => p.endsWith('/events'))).toBe(true);
    await context.close();
  });

  it("paints the waiting ticket's card before the app's script runs, and the app takes it over", async () => {
    await setWaiting(hub, config, 'advice', 1);
    const { id, number } = await seedTicket(hub, config, 'advice');
    const context = await newPhone(browser);
    // every script the page does not load itself (the app: React and the tracking page)
    // waits until released: only the first paint can draw
    const html = await (await fetch(`${hub.httpUrl}/join`)).text();
    const own = new Set(
      [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]),
    );
    expect(own.size).toBeGreaterThan(0);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let heldCount = 0;
    await context.route(/\/assets\/[^/]+\.js$/, async (route) => {
      const path = new URL(route.request().url()).pathname;
      // (the customer's language's catalog is the first paint's too)
      if (!own.has(path) && !path.startsWith('/assets/pl-')) {
        heldCount++;
        await held;
      }
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(trackingUrl(undefined, hub.httpUrl, id, 'pl', Date.now()), {
      waitUntil: 'commit',
    });
    const first = page.locator('main[data-first-paint="true"]');
    await first.getByTestId('track-ahead').waitFor();
    expect(await first.getAttribute('lang')).toBe('pl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pl');
    expect(await first.getByTestId('track-number').textContent()).toBe(number);
    expect(await page.getByTestId('track-leave').count()).toBe(0);
    expect(heldCount).toBeGreaterThan(0);
    release();
    // React's card replaces it, saying the same
    await page.getByTestId('track-leave').waitFor();
    expect(await page.locator('main').count()).toBe(1);
    expect(await first.count()).toBe(0);
    expect(await page.getByTestId('track-number').textContent()).toBe(number);
    await context.close();
  });

  it('says plainly when a link is not a ticket or the ticket is gone', async () => {
    const page = await phone.newPage();
    await page.goto(`${hub.httpUrl}/t/not-a-ticket`);
    await page.locator('[data-testid="track-message"][data-kind="invalid"]').waitFor();
    expect(await runAxe(page, 'tracking page: invalid link')).toEqual([]);
    await page.goto(`${hub.httpUrl}/t/${'a'.repeat(26)}`);
    await page.locator('[data-testid="track-message"][data-kind="notFound"]').waitFor();
    // an earlier day's link still reaches the customer's own data
    await page.getByTestId('track-data').waitFor();
    await page.close();
  });

  it('a ticket taken while the kiosk is offline is "on its way" on the phone until it arrives', async () => {
    const kioskContext = kiosk.context();
    await kioskContext.setOffline(true);
    await kiosk.locator('[data-testid="connection"][data-state="offline"]').waitFor();
    const { url, number } = await ticketQr('advice');
    const page = await phone.newPage();
    await page.goto(url);
    await page.locator('[data-testid="track-message"][data-kind="onItsWay"]').waitFor();
    expect(await page.getByTestId('track-message').textContent()).toBe(
      "Your ticket is on its way to the store's system. This page will show it as soon as it arrives.",
    );
    await kioskContext.setOffline(false);
    await kiosk.locator('[data-testid="connection"][data-pending="0"]').waitFor();
    // the page asks again by itself (every 2 s, then less often): no reload
    await page.getByTestId('track-number').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('track-number').textContent()).toBe(number);
    await page.close();
  });

  it('shows a priority ticket first, and discreetly marked, on the clerk’s list', async () => {
    await kiosk.getByTestId('language-en').click();
    await setWaiting(hub, config, 'advice', 1);
    await kiosk.getByTestId('service-priority-advice').click();
    await kiosk.locator('[data-testid="ticket"][data-priority="true"]').waitFor();
    const number = (await kiosk.getByTestId('ticket-number').textContent()) ?? '';
    expect(await kiosk.getByTestId('ticket-ahead').textContent()).toBe('You are next');
    await kiosk.getByTestId('ticket-done').click();

    const clerk = await openClerk(
      await browser.newContext({ viewport: { width: 1024, height: 768 }, bypassCSP: true }),
      hub.httpUrl,
      'counter-1',
    );
    await waitForQueueItem(clerk, number);
    const first = clerk.locator('[data-testid="queue-item"]').first();
    expect(await first.getAttribute('data-number')).toBe(number);
    expect(await first.getAttribute('data-priority')).toBe('true');
    expect(await first.getByTestId('priority-mark').textContent()).toBe('Priority');
    expect(await runAxe(clerk, 'clerk list with a priority ticket')).toEqual([]);
  });
});
