import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreConfig } from '../../src/domain/config/types.ts';
import { openCounter } from '../../src/domain/queue/commands.ts';
import { launchChromium } from '../support/browser.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';
import { hubConfig, setWaiting } from '../support/seed.ts';
import { openClerk, waitOnline } from '../support/surfaces.ts';

declare global {
  interface Window {
    /** How often the page vibrated and started a tone (counted by the test). */
    __signals: { vibrate: number; tones: number };
  }
}

/**
 * The floor view for staff: current waits per service from the device's own data, and an
 * alert with a sound and a vibration when a wait goes above its target.
 */
describe('the floor view', () => {
  let browser: Browser;
  let hub: TestHub;
  let config: StoreConfig;
  let page: Page;

  beforeAll(async () => {
    hub = await startTestHub({});
    config = await hubConfig(hub);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 900, height: 1000 } });
    // count the signals: vibration and WebAudio tones
    await context.addInitScript(() => {
      window.__signals = { vibrate: 0, tones: 0 };
      Object.defineProperty(navigator, 'vibrate', {
        configurable: true,
        value: () => {
          window.__signals.vibrate++;
          return true;
        },
      });
      // createOscillator is BaseAudioContext's own, shared with AudioContext: count it there and
      // call the real one, so the tone plays as it would
      const proto = BaseAudioContext.prototype;
      const create = Object.getOwnPropertyDescriptor(proto, 'createOscillator')!
        .value as BaseAudioContext['createOscillator'];
      Object.defineProperty(proto, 'createOscillator', {
        configurable: true,
        value(this: BaseAudioContext) {
          window.__signals.tones++;
          return create.call(this);
        },
      });
    });
    page = await context.newPage();
    await page.goto(`${hub.httpUrl}/floor`);
    await waitOnline(page);
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  const card = (service: string) => page.getByTestId(`floor-wait-${service}`);

  it('shows every service’s wait, range, line and open counters', async () => {
    for (const s of config.services) await card(s.id).waitFor();
    await page.getByTestId('floor-no-alerts').waitFor();

    // counter-2 for returns only (a counter shared with advice would make advice wait too)
    const run = await hub.agent().replica.run(() => openCounter('counter-2', ['returns']));
    expect(run.ok).toBe(true);
    await setWaiting(hub, config, 'returns', 1);
    await expect
      .poll(() => card('returns').getAttribute('data-waiting'), { timeout: 10_000 })
      .toBe('1');
    expect(await card('returns').getAttribute('data-open-counters')).toBe('1');
    const estimate = Number(await card('returns').getAttribute('data-estimate-sec'));
    const low = Number(await card('returns').getAttribute('data-low-sec'));
    const high = Number(await card('returns').getAttribute('data-high-sec'));
    expect(estimate).toBeGreaterThan(0);
    expect(low).toBeLessThanOrEqual(estimate);
    expect(high).toBeGreaterThanOrEqual(estimate);
    const text = (await card('returns').textContent()) ?? '';
    expect(text).toMatch(/about \d+ minutes/);
    expect(text).toMatch(/1 waiting/);
    expect(text).toMatch(/1 counter open/);
    expect(await card('returns').getAttribute('data-level')).toBe('ok');
    expect(await page.evaluate(() => window.__signals.vibrate)).toBe(0);
  });

  it('raises an alert, with sound and vibration, when people wait with no counter, then when the wait is above target', async () => {
    // pickup: target 5 minutes, about 2 minutes a customer, and no counter open for it
    await setWaiting(hub, config, 'pickup', 6);
    await expect
      .poll(() => card('pickup').getAttribute('data-waiting'), { timeout: 10_000 })
      .toBe('6');
    const alert = page.getByTestId('floor-alert-pickup');
    await alert.waitFor({ timeout: 15_000 });
    // no counter: that is the alert, and no wait is promised (it said "wait about 12 minutes")
    expect(await alert.getAttribute('data-reason')).toBe('noCounter');
    expect(await alert.textContent()).toMatch(
      /Order pickup: 6 customers waiting and no counter is open for it/,
    );
    expect(await card('pickup').getAttribute('data-level')).toBe('noCounter');
    expect(await card('pickup').textContent()).toContain('No counter is open for this right now');
    await expect.poll(() => page.evaluate(() => window.__signals.vibrate)).toBe(1);
    expect(await page.evaluate(() => window.__signals.tones)).toBeGreaterThan(0);
    // services within target raise nothing
    expect(await page.getByTestId('floor-alert-returns').count()).toBe(0);

    // a counter opens for pickup alone: six customers at two minutes each, still above target
    const run = await hub.agent().replica.run(() => openCounter('counter-4', ['pickup']));
    expect(run.ok).toBe(true);
    await page
      .locator('[data-testid="floor-alert-pickup"][data-reason="estimate"]')
      .waitFor({ timeout: 15_000 });
    expect(await alert.textContent()).toMatch(/Order pickup: wait about \d+ minutes?, above/);
    expect(await card('pickup').getAttribute('data-level')).toBe('over');
    // the same alert, so no second signal
    expect(await page.evaluate(() => window.__signals.vibrate)).toBe(1);
  });

  it('opens from the clerk’s header and leads back to the counter', async () => {
    const context = await browser.newContext();
    const clerk = await openClerk(context, hub.httpUrl, 'counter-1');
    await clerk.getByTestId('open-floor').click();
    await clerk.getByTestId('floor-wait-advice').waitFor();
    await clerk.getByTestId('floor-back').click();
    await clerk.getByTestId('call-next').waitFor();
    await context.close();
  });
});
