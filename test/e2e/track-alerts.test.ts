import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { StoreConfig } from '../../src/domain/config/types.ts';
import { openCounter } from '../../src/domain/queue/commands.ts';
import { launchChromium } from '../support/browser.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';
import { alertsOn, newPhone } from '../support/phone.ts';
import { callTicket, hubConfig, recallTicket, seedTicket, setWaiting } from '../support/seed.ts';

/**
 * "You are N-th" on the customer's phone (N = 3 by default): one tap turns alerts on (and lets
 * the page chime); the alert fires once when the ticket reaches 3rd place, not again when a
 * priority ticket pushes it back to 4th and it comes back to 3rd, nor after a reload; the call
 * fires once. A hub without Web Push keys says the page must stay open.
 */
describe('the N-th alert on the customer’s phone', () => {
  let browser: Browser;
  let hub: TestHub;
  let config: StoreConfig;
  let phone: BrowserContext;

  beforeAll(async () => {
    hub = await startTestHub({});
    config = await hubConfig(hub);
    browser = await launchChromium();
    phone = await newPhone(browser);
    // every tone the page plays, to see the chime
    await phone.addInitScript(() => {
      const w = window as unknown as { __tones: number };
      w.__tones = 0;
      const proto = OscillatorNode.prototype;
      const start = Object.getOwnPropertyDescriptor(proto, 'start')?.value as (
        this: OscillatorNode,
        when?: number,
      ) => void;
      proto.start = function (this: OscillatorNode, when?: number) {
        w.__tones++;
        start.call(this, when);
      };
    });
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  const waitingAhead = (mine: string) =>
    [...hub.agent().replica.state.tickets.values()]
      .filter((t) => t.status === 'waiting' && t.service === 'advice' && t.id !== mine)
      .sort((a, b) => (a.queuedHlc < b.queuedHlc ? -1 : 1));
  const tones = (page: Page) =>
    page.evaluate(() => (window as unknown as { __tones: number }).__tones);
  /** The page took in a new place without alerting: its polite announcement says it. */
  const quietlyAt = async (page: Page, ahead: number, text: string) => {
    await page.locator(`[data-testid="track-status"][data-ahead="${ahead}"]`).waitFor();
    await expect.poll(() => page.getByTestId('track-announce-polite').textContent()).toBe(text);
  };

  it('alerts once at 3rd place through jitter and reloads, and once per call (a recall again)', async () => {
    const open = await hub.agent().replica.run(() => openCounter('counter-4', ['advice']));
    expect(open.ok).toBe(true);
    await setWaiting(hub, config, 'advice', 4);
    const mine = await seedTicket(hub, config, 'advice');
    const page = await phone.newPage();
    await page.goto(`${hub.httpUrl}/t/${mine.id}?lang=en`);
    await page.locator('[data-testid="track-status"][data-ahead="4"]').waitFor();
    expect(await page.getByTestId('track-alerts-reach').textContent()).toBe(
      'Keep this page open: it can alert you only while it is open.',
    );
    await page.getByTestId('track-notify').click();
    await page.getByText('We will alert you when it is your turn.').waitFor();

    await callTicket(hub, waitingAhead(mine.id)[0]!.id, 'counter-1');
    await quietlyAt(page, 3, '3 people ahead of you');
    expect(await alertsOn(page)).toEqual([]);

    await callTicket(hub, waitingAhead(mine.id)[0]!.id, 'counter-2');
    const soon = `Ticket ${mine.number}: 2 people ahead of you. Please come back to the counters.`;
    await page.locator('[data-testid="track-alert"][data-kind="soon"][data-count="1"]').waitFor();
    expect(await page.getByTestId('track-alert').textContent()).toBe(soon);
    await expect
      .poll(() => alertsOn(page))
      .toEqual([
        { kind: 'vibrate', detail: '[300,150,300]' },
        { kind: 'notification', detail: soon },
      ]);
    expect(await page.getByTestId('track-announce').textContent()).toBe(soon);
    expect(await tones(page)).toBeGreaterThan(0);

    // a priority ticket comes in ahead (4th), is called (3rd again): no second alert
    const priority = await seedTicket(hub, config, 'advice', true);
    await quietlyAt(page, 3, '3 people ahead of you');
    await callTicket(hub, priority.id, 'counter-1');
    await quietlyAt(page, 2, '2 people ahead of you');
    expect(await alertsOn(page)).toHaveLength(2);
    expect(await page.getByTestId('track-alert').getAttribute('data-count')).toBe('1');

    // a reload remembers: the page opens at 3rd place without alerting again
    await page.reload();
    await page.locator('[data-testid="track"][data-alerts-checked="waiting:2:0"]').waitFor();
    expect(await alertsOn(page)).toEqual([]);
    await callTicket(hub, waitingAhead(mine.id)[0]!.id, 'counter-2');
    await quietlyAt(page, 1, '1 person ahead of you');
    expect(await alertsOn(page)).toEqual([]);
    expect(await page.getByTestId('track-alert').count()).toBe(0);

    await callTicket(hub, mine.id, 'counter-3');
    const called = `Ticket ${mine.number}: please go to Counter 3.`;
    await page.locator('[data-testid="track-alert"][data-kind="called"][data-count="1"]').waitFor();
    await expect
      .poll(() => alertsOn(page))
      .toEqual([
        { kind: 'vibrate', detail: '[400,150,400,150,400]' },
        { kind: 'notification', detail: called },
      ]);

    // and once per call: a reload while called does not call again
    await page.reload();
    await page.locator('[data-testid="track"][data-alerts-checked="called::1"]').waitFor();
    expect(await alertsOn(page)).toEqual([]);
    expect(await page.getByTestId('track-alert').count()).toBe(0);
    // the clerk calls the number again: the phone buzzes again, once
    await recallTicket(hub, mine.id, 'counter-3');
    await page.locator('[data-testid="track"][data-alerts-checked="called::2"]').waitFor();
    await expect
      .poll(() => alertsOn(page))
      .toEqual([
        { kind: 'vibrate', detail: '[400,150,400,150,400]' },
        { kind: 'notification', detail: called },
      ]);
    await page.close();
  });

  it('the service worker shows a Web Push alert while the ticket’s page is closed', async () => {
    // the push as the hub sends it (src/hub/push/push-text.ts), delivered by the browser itself
    const page = await phone.newPage();
    await page.goto(`${hub.httpUrl}/`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const cdp = await phone.newCDPSession(page);
    const registration = new Promise<string>((resolve) =>
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const mine = registrations.find((r) => r.scopeURL.startsWith(hub.httpUrl));
        if (mine) resolve(mine.registrationId);
      }),
    );
    await cdp.send('ServiceWorker.enable');
    const message = {
      title: 'Ticket A042: 2 people ahead of you. Please come back to the counters.',
      body: 'Nextup Demo Store',
      tag: 'nextup-push-test',
      kind: 'soon',
      url: `/t/${'q'.repeat(26)}?lang=en`,
    };
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: hub.httpUrl,
      registrationId: await registration,
      data: JSON.stringify(message),
    });
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const shown = await (await navigator.serviceWorker.ready).getNotifications();
          return shown.map((n) => ({ title: n.title, body: n.body, tag: n.tag }));
        }),
      )
      .toEqual([{ title: message.title, body: message.body, tag: message.tag }]);
    await page.close();
  });
});
