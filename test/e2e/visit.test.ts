import { connectAsync, type MqttClient } from 'mqtt';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueTicket } from '../../src/domain/queue/commands.ts';
import type { StoreEvent } from '../../src/domain/queue/events.ts';
import { testStore } from '../../src/domain/testing/store.ts';
import { launchChromium } from '../support/browser.ts';
import { deviceCredentials, startTestHub, testConfigDir, type TestHub } from '../support/hub.ts';
import { openClerk, waitForQueueItem, waitOnline } from '../support/surfaces.ts';

/** The browse re-check, short so the reminder comes while the test waits (store default: 3 min). */
const RECHECK_SEC = 4;

describe('the clerk’s visit assistant, in Chromium through the hub', () => {
  let browser: Browser;
  let hub: TestHub;
  const contexts: BrowserContext[] = [];
  const newContext = async () => {
    const c = await browser.newContext({ viewport: { width: 1024, height: 900 } });
    contexts.push(c);
    return c;
  };

  beforeAll(async () => {
    const configDir = testConfigDir((c) => {
      (c['visit'] as { recheckAfterSec: number }).recheckAfterSec = RECHECK_SEC;
    });
    hub = await startTestHub({ configDir });
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await hub?.close();
  });

  const visit = (page: Page) => page.getByTestId('visit');
  const atStep = (page: Page, step: string) =>
    page.locator(`[data-testid="visit"][data-step="${step}"]`).waitFor();
  const tap = (page: Page, action: string) => page.getByTestId(`visit-action-${action}`).click();

  /**
   * A customer takes a ticket. The kiosk screen has its own tests; here the hub's agent (a
   * replica like any device) issues it from a range no kiosk uses, so this test is about visits.
   */
  const issue = async (ticket: string): Promise<string> => {
    const range = { id: 'visit-test', name: { en: 'Test' }, range: { from: 900_000, to: 999_999 } };
    // testStore's "advice" (prefix A) is the shipped store's too
    const r = await hub
      .agent()
      .replica.run((s) => issueTicket(s, testStore, range, 'advice', ticket));
    if (!r.ok || r.event.type !== 'ticket.issued')
      throw new Error(`not issued: ${JSON.stringify(r)}`);
    return r.event.number;
  };

  /** Events of one visit in the hub's durable history, by type. */
  const visitEvents = (visitId: string) =>
    hub
      .agent()
      .replica.events()
      .filter(
        (e): e is Extract<StoreEvent, { visit: string }> => 'visit' in e && e.visit === visitId,
      );

  it('walks a called ticket greet → offer help (declined) → browse → reminder → checkout → thanks → rating, keeping the visit and its reminder deadline across a reload', async () => {
    const clerk = await openClerk(await newContext(), hub.httpUrl, 'counter-1');
    const number = await issue('visit-e2e-1');
    await waitForQueueItem(clerk, number);

    await clerk.getByTestId('call-next').click();
    await clerk.locator(`[data-testid="visit"][data-ticket="${number}"]`).waitFor();
    await atStep(clerk, 'greeting');
    const visitId = (await visit(clerk).getAttribute('data-visit')) ?? '';
    expect(await clerk.getByTestId('visit-script').textContent()).toContain(
      'Hello, welcome to our store!',
    );
    expect(await clerk.getByTestId('visit-tips').locator('li').count()).toBeGreaterThan(0);

    await tap(clerk, 'GREETED');
    await atStep(clerk, 'offeringHelp');
    await tap(clerk, 'HELP_DECLINED');
    await atStep(clerk, 'browsing.looking');
    const deadline = Number(await visit(clerk).getAttribute('data-reminder-at'));
    expect(deadline).toBeGreaterThan(Date.now());

    // The tablet reloads while the customer browses.
    await clerk.reload();
    await waitOnline(clerk);
    await atStep(clerk, 'browsing.looking');
    expect(Date.now(), 'the reload took longer than the re-check delay').toBeLessThan(deadline);
    expect(await visit(clerk).getAttribute('data-visit')).toBe(visitId);
    expect(Number(await visit(clerk).getAttribute('data-reminder-at'))).toBe(deadline);
    expect(await clerk.getByTestId('visit-reminder').count()).toBe(0);
    // when does the nudge appear, on the page's own clock (the same as this process's)
    await clerk.evaluate(() => {
      const w = window as unknown as { __reminderShownAt?: number };
      new MutationObserver((_, observer) => {
        if (document.querySelector('[data-testid="visit-reminder"]')) {
          w.__reminderShownAt = Date.now();
          observer.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true });
    });

    await clerk.getByTestId('visit-reminder').waitFor({ timeout: RECHECK_SEC * 1000 + 5000 });
    await atStep(clerk, 'browsing.reminderDue');
    const shownAt = await clerk.evaluate(
      () => (window as unknown as { __reminderShownAt?: number }).__reminderShownAt ?? 0,
    );
    expect(shownAt).toBeGreaterThanOrEqual(deadline);
    expect(shownAt - deadline).toBeLessThan(1000);
    expect(await clerk.getByTestId('visit-script').textContent()).toContain(
      'Are you finding everything?',
    );

    // "Ready to pay" is among the other steps while the nudge's two answers come first
    await tap(clerk, 'READY_TO_PAY');
    await atStep(clerk, 'checkingOut.asking');
    await tap(clerk, 'FOUND_EVERYTHING');
    await atStep(clerk, 'checkingOut.paying');
    await tap(clerk, 'PAID');
    await atStep(clerk, 'thanking');
    await clerk.getByTestId('visit-handover').click();
    await clerk.getByTestId('nps-9').click();
    await clerk.getByTestId('feedback-good').click();
    await clerk
      .locator(
        `[data-testid="visit-finished"][data-visit="${visitId}"][data-step="done"][data-satisfaction="good"][data-nps="9"]`,
      )
      .waitFor();
    // finishing the visit completed the ticket
    await clerk.getByTestId('current-ticket').waitFor({ state: 'detached' });

    await expect
      .poll(() =>
        visitEvents(visitId)
          .filter((e) => e.type === 'visit.step')
          .map((e) => e.type === 'visit.step' && e.step),
      )
      .toEqual([
        'greeting',
        'offeringHelp',
        'browsing.looking',
        'browsing.reminderDue',
        'checkingOut.asking',
        'checkingOut.paying',
        'thanking',
        'done',
      ]);
    const steps = visitEvents(visitId).flatMap((e) => (e.type === 'visit.step' ? [e] : []));
    expect(steps.map((e) => e.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(steps[3]?.at).toBe(deadline);
    expect(steps.every((e) => e.counter === 'counter-1' && e.ticket !== undefined)).toBe(true);
    await expect
      .poll(() => visitEvents(visitId).find((e) => e.type === 'visit.feedback'))
      .toMatchObject({ satisfaction: 'good', nps: 9 });
    await expect.poll(() => hub.eventTypes()).toContain('ticket.completed');
  });

  it('"Get a manager" reaches the manager screen and the public alerts topic; acknowledging answers the clerk', async () => {
    const prefix = `nextup/v1/${hub.storeId}`;
    const reader: MqttClient = await connectAsync(
      hub.mqttUrl,
      deviceCredentials(hub, 'board', 'board-alerts-reader'),
    );
    const alerts: Record<string, unknown>[] = [];
    reader.on('message', (_topic, payload) => {
      const body = JSON.parse(payload.toString()) as Record<string, unknown>;
      // the topic also carries other kinds (e.g. waits above target)
      if (body['kind'] === 'manager') alerts.push(body);
    });
    await reader.subscribeAsync(`${prefix}/alerts`);

    try {
      // the manager's screen on a wall TV: counts the tones it plays (its chime)
      const tv = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      contexts.push(tv);
      await tv.addInitScript(() => {
        const w = window as unknown as { __tones: number };
        w.__tones = 0;
        // createOscillator lives on BaseAudioContext, which AudioContext extends
        const proto = BaseAudioContext.prototype;
        const create = Object.getOwnPropertyDescriptor(proto, 'createOscillator')!
          .value as () => OscillatorNode;
        proto.createOscillator = function (this: BaseAudioContext) {
          w.__tones++;
          return create.call(this);
        };
      });
      const manager = await tv.newPage();
      await manager.goto(`${hub.httpUrl}/manager`);
      await waitOnline(manager);
      await manager.getByTestId('manager-alert-count').waitFor();
      const tones = () =>
        manager.evaluate(() => (window as unknown as { __tones: number }).__tones);
      expect(await tones()).toBe(0);
      // calls for a manager at the top, above the lines, on screen without scrolling
      const alertsBox = (await manager.getByTestId('manager-alerts').boundingBox())!;
      const servicesBox = (await manager.getByTestId('manager-services').boundingBox())!;
      expect(alertsBox.y).toBeLessThan(servicesBox.y);
      expect(alertsBox.y + alertsBox.height).toBeLessThanOrEqual(1080);

      const clerk = await openClerk(await newContext(), hub.httpUrl, 'counter-2');
      await clerk.getByTestId('visit-walk-in').click();
      await atStep(clerk, 'greeting');
      const visitId = (await visit(clerk).getAttribute('data-visit')) ?? '';
      await tap(clerk, 'NEEDS_HELP');
      await atStep(clerk, 'assisting');
      await clerk.getByTestId('difficult-rude').click();
      await tap(clerk, 'ESCALATE');
      await clerk.getByTestId('escalate-reason').fill('Customer shouting about a refund');
      await clerk.getByTestId('escalate-send').click();
      await atStep(clerk, 'escalated');
      await clerk.getByTestId('visit-manager').filter({ hasText: 'has been called' }).waitFor();

      const card = manager.locator(
        `[data-testid="manager-alert"][data-status="open"][data-visit="${visitId}"]`,
      );
      await card.waitFor();
      expect(await card.getAttribute('data-counter')).toBe('counter-2');
      // it rang: the three notes of the floor's signal
      await expect.poll(tones).toBeGreaterThanOrEqual(3);
      expect(await card.getByTestId('manager-alert-reason').textContent()).toBe(
        'Customer shouting about a refund',
      );

      await expect
        .poll(() => alerts.find((a) => a['status'] === 'open'))
        .toMatchObject({
          kind: 'manager',
          counter: 'counter-2',
          visit: visitId,
          reason: 'Customer shouting about a refund',
          service: null,
          message: 'A manager is needed at counter-2: Customer shouting about a refund',
        });
      const raised = alerts.find((a) => a['status'] === 'open')!;
      expect(String(raised['clerk'])).toMatch(/^clerk-/);
      expect(typeof raised['at']).toBe('string');

      await card.getByTestId('manager-alert-ack').click();
      await card.waitFor({ state: 'detached' });
      await manager
        .locator(
          `[data-testid="manager-alert"][data-status="acknowledged"][data-visit="${visitId}"]`,
        )
        .waitFor();
      await clerk.getByTestId('visit-manager').filter({ hasText: 'on the way' }).waitFor();
      await expect
        .poll(() => alerts.find((a) => a['status'] === 'acknowledged'))
        .toMatchObject({ kind: 'manager', alert: raised['alert'], visit: visitId });

      // back to the customer, who leaves without buying
      await tap(clerk, 'MANAGER_RESOLVED');
      await atStep(clerk, 'assisting');
      await tap(clerk, 'CUSTOMER_LEFT');
      await clerk.locator('[data-testid="visit-finished"][data-step="abandoned"]').waitFor();
      // the answered call still says where the customer was when the manager was called
      const answered = manager.locator(
        `[data-testid="manager-alert"][data-status="acknowledged"][data-visit="${visitId}"]`,
      );
      await expect
        .poll(() => answered.locator('.manager-alert__customer').textContent())
        .toContain('Was at: Helping the customer');
    } finally {
      await reader.endAsync();
    }
  });
});
