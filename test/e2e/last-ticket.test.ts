import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreConfig } from '../../src/domain/config/types.ts';
import { openCounter } from '../../src/domain/queue/commands.ts';
import { launchChromium } from '../support/browser.ts';
import { startTestHub, testConfigDir, type TestHub } from '../support/hub.ts';
import { hubConfig, setWaiting } from '../support/seed.ts';
import { openKiosk } from '../support/surfaces.ts';
import { daytimeZone, localHHMM } from '../support/daytime-zone.ts';

/**
 * The honest last ticket, in real Chromium: the store closes an hour from now; a pickup
 * customer takes ten minutes at the counter. As the line grows, the kiosk keeps issuing while
 * a new ticket would reach the counter before closing minus those ten minutes, and says
 * "Today's line is full" the moment it would not, in English and Polish; a service at its daily
 * cap and a service closed today say so too. The store's zone is one where it is day now, so the
 * test reads the same at any hour it runs.
 */
const MIN = 60_000;
const zone = daytimeZone(Date.now());
const now0 = Date.now();
/** Closing, a whole minute 65 to 66 minutes from now; a new pickup ticket must be served 10 min before. */
const closeAt = Math.floor((now0 + 66 * MIN) / MIN) * MIN;
const lastTicketAt = closeAt - 10 * MIN;
const everyDay = { open: '06:00', close: localHHMM(closeAt, zone) };
const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const dateIn = (ms: number): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(ms);

describe('the last ticket of the day', () => {
  let browser: Browser;
  let hub: TestHub;
  let config: StoreConfig;
  let kiosk: Page;

  beforeAll(async () => {
    hub = await startTestHub({
      configDir: testConfigDir((c) => {
        const store = c.store as Record<string, unknown>;
        store.timeZone = zone;
        store.hours = { weekly: Object.fromEntries(days.map((d) => [d, everyDay])) };
        const services = c.services as Record<string, unknown>[];
        const service = (id: string) => services.find((s) => s.id === id) ?? {};
        service('pickup').avgServiceSec = 600;
        service('advice').dailyCap = 1;
        // checkout closed today and tomorrow (holidays): it opens the day after at 09:00
        service('checkout').hours = {
          weekly: Object.fromEntries(days.map((d) => [d, { open: '09:00', close: '17:00' }])),
          exceptions: [
            { date: dateIn(now0), closed: true },
            { date: dateIn(now0 + 24 * 60 * MIN), closed: true },
          ],
        };
        const k = c.kiosk as Record<string, unknown>;
        k.idleResetSec = 600;
        k.rateLimit = { maxTickets: 50, windowSec: 60 };
      }),
    });
    config = await hubConfig(hub);
    const opened = await hub.agent().replica.run(() => openCounter('counter-3', ['pickup']));
    expect(opened.ok).toBe(true);
    browser = await launchChromium();
    kiosk = await openKiosk(
      await browser.newContext({ viewport: { width: 1024, height: 768 }, bypassCSP: true }),
      hub.httpUrl,
    );
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  const pickup = () => kiosk.getByTestId('service-pickup');
  const issuingIs = (kind: string) =>
    kiosk.waitForFunction(
      (k) =>
        document.querySelector('[data-testid="service-pickup"]')?.getAttribute('data-issuing') ===
        k,
      kind,
    );
  const reopensAt = (lang: string) =>
    new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(
      Date.parse(`${dateIn(closeAt + 24 * 60 * MIN)}T06:00:00Z`) - offsetOf(closeAt),
    );

  /** What the pickup button decided, with the wait (s) it decided on, read at one moment. */
  const decided = () =>
    kiosk.evaluate(() => {
      const b = document.querySelector('[data-testid="service-pickup"]');
      return {
        at: Date.now(),
        issuing: b?.getAttribute('data-issuing'),
        waitSec: Number(b?.getAttribute('data-wait-sec') ?? Number.NaN),
      };
    });

  it('issues while a new ticket is served before closing minus the typical time, and stops then', async () => {
    await kiosk.locator('[data-testid="service-pickup"][data-wait-sec]').waitFor();
    let full = -1;
    let checked = 0;
    for (let n = 0; n <= 12 && full < 0; n++) {
      const d = await decided();
      const servedFrom = d.at + d.waitSec * 1000;
      // a moment either side of the last ticket is left out: the screen decided a moment earlier
      if (Math.abs(servedFrom - lastTicketAt) > 30_000) {
        expect(d.issuing).toBe(servedFrom > lastTicketAt ? 'lineFull' : 'open');
        checked++;
      }
      if (d.issuing === 'lineFull') {
        full = n;
        break;
      }
      expect(await pickup().isEnabled()).toBe(true);
      // one more customer in line, from this kiosk
      await pickup().click();
      await kiosk.getByTestId('ticket-done').click();
      await kiosk.getByTestId('kiosk-welcome').waitFor();
    }
    // the line fills because of the wait, not at once
    expect(full).toBeGreaterThan(1);
    expect(checked).toBeGreaterThan(full - 1);
    expect(await pickup().isDisabled()).toBe(true);
    expect(await kiosk.getByTestId('service-hours-pickup').textContent()).toBe(
      `Today's line is full — we open tomorrow at ${reopensAt('en')}`,
    );

    await kiosk.getByTestId('language-pl').click();
    await kiosk
      .getByTestId('service-hours-pickup')
      .filter({ hasText: `Na dziś kolejka jest pełna — otwieramy: jutro o ${reopensAt('pl')}` })
      .waitFor();

    // one customer leaves: a ticket would be served in time again
    await setWaiting(hub, config, 'pickup', full - 1);
    await issuingIs('open');
    expect(await pickup().isEnabled()).toBe(true);
    await kiosk.getByTestId('language-en').click();
  });

  it('says when a service reached its daily cap, and when a closed service opens', async () => {
    const advice = kiosk.getByTestId('service-advice');
    expect(await advice.getAttribute('data-issuing')).toBe('open');
    await advice.click();
    await kiosk.getByTestId('ticket-done').click();
    await kiosk.getByTestId('service-hours-advice').waitFor();
    expect(await advice.isDisabled()).toBe(true);
    expect(await kiosk.getByTestId('service-hours-advice').textContent()).toBe(
      'No more tickets today for this service',
    );

    const weekday = new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: zone }).format(
      now0 + 2 * 24 * 60 * MIN,
    );
    const nine = new Intl.DateTimeFormat('en', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'UTC',
    }).format(Date.UTC(2026, 0, 1, 9));
    expect(await kiosk.getByTestId('service-checkout').isDisabled()).toBe(true);
    expect(await kiosk.getByTestId('service-hours-checkout').textContent()).toBe(
      `Closed — we open ${weekday} at ${nine}`,
    );
    await kiosk.getByTestId('language-pl').click();
    await kiosk
      .getByTestId('service-hours-advice')
      .filter({ hasText: 'Na dziś nie ma już biletów do tej usługi' })
      .waitFor();
  });
});

/** The zone's offset at `ms` (local minus UTC), in ms. */
function offsetOf(ms: number): number {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(ms);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return wall - Math.floor(ms / MIN) * MIN;
}
