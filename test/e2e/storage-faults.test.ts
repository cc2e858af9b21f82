import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';
import { hubAndBrowser } from '../support/hub-and-browser.ts';
import { openKiosk, takeTicket } from '../support/surfaces.ts';

/**
 * Storage faults on a device: little space left warns, a write refused for lack of space says
 * so and saves nothing half-way, and the device carries on once space is back.
 */
describe('device storage faults', () => {
  const env = hubAndBrowser();

  it('warns when space is low and when a write is refused, and loses nothing', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1024, height: 768 } });
    // the browser says 97% of the quota is used; writes fail while window.__diskFull is set
    await context.addInitScript(() => {
      const w = window as unknown as { __diskFull?: boolean };
      const storage = navigator.storage as { estimate: () => Promise<StorageEstimate> };
      storage.estimate = () => Promise.resolve({ usage: 970e6, quota: 1000e6 });
      for (const method of ['add', 'put'] as const) {
        const original = Reflect.get(IDBObjectStore.prototype, method) as (
          ...a: unknown[]
        ) => IDBRequest;
        IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: unknown[]) {
          if (w.__diskFull && this.name === 'events') {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          }
          return original.apply(this, args);
        } as never;
      }
    });
    const kiosk = await openKiosk(context, env.hub.httpUrl);
    await kiosk.locator('[data-testid="storage-warning"][data-kind="low"]').waitFor();

    const first = await takeTicket(kiosk);
    await kiosk.evaluate(() => ((window as { __diskFull?: boolean }).__diskFull = true));
    await kiosk.getByTestId('service-advice').click();
    await kiosk.locator('[data-testid="storage-warning"][data-kind="full"]').waitFor();
    await expect
      .poll(
        () =>
          env.hub
            .agent()
            .replica.events()
            .filter((e) => e.type === 'ticket.issued').length,
      )
      .toBe(1);

    await kiosk.evaluate(() => ((window as { __diskFull?: boolean }).__diskFull = false));
    await kiosk.reload();
    await kiosk.getByTestId('service-advice').waitFor();
    const second = await takeTicket(kiosk);
    expect(second).not.toBe(first);
    await expect
      .poll(
        () =>
          env.hub
            .agent()
            .replica.events()
            .filter((e) => e.type === 'ticket.issued').length,
      )
      .toBe(2);
    await kiosk.locator('[data-testid="storage-warning"][data-kind="low"]').waitFor();
  });
});

/** The hub's own disk: the manager's board says when the hub cannot save. */
describe('hub storage faults on the manager board', () => {
  let hub: TestHub;
  let browser: Browser;
  let full = true;
  beforeAll(async () => {
    // the hub's probe of its data folder fails as on a full disk until the test frees it
    hub = await startTestHub({
      diskProbe: () =>
        full
          ? Promise.reject(
              Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }),
            )
          : Promise.resolve(),
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('shows a banner while the hub cannot save, and none once it can', async () => {
    const health = await fetch(`${hub.httpUrl}/api/health`);
    expect(health.status).toBe(503);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${hub.httpUrl}/manager`);
    const banner = page.locator('[data-testid="hub-disk-warning"][data-kind="full"]');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('disk is full');

    full = false;
    // the probe runs every 10 s while the disk fails
    await expect
      .poll(async () => (await fetch(`${hub.httpUrl}/api/health`)).status, { timeout: 20_000 })
      .toBe(200);
    await page.reload();
    await page.locator('[data-hub-disk="ok"]').waitFor();
    expect(await page.getByTestId('hub-disk-warning').count()).toBe(0);
    await context.close();
  });
});
