import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../src/hub/hub.ts';
import type { MemoryLogger } from '../../src/hub/log.ts';
import { startNamedHub, type NamedHub } from '../support/named-hub.ts';
import { runAxe } from '../support/axe.ts';
import { scanQrCode } from '../support/qr-scan.ts';
import { newPairingCode, waitOnline } from '../support/surfaces.ts';
import { HUB_NAME, type TrustingBrowser } from '../support/trusted-browser.ts';

const PHONE = { width: 412, height: 915 };
const TABLET = { width: 1280, height: 800 };

/** The pairing QR code is whole on screen, big enough for a camera, and the page unscrolled. */
async function expectQrFits(manager: Page, code: string): Promise<void> {
  const card = manager.locator(`[data-testid="devices-code"][data-code="${code}"]`);
  const qr = card.getByTestId('devices-code-qr');
  expect(await scanQrCode(qr)).toBe(`https://${HUB_NAME}:${port}/clerk?pair=${code}`);
  const box = (await qr.boundingBox())!;
  const view = manager.viewportSize()!;
  expect(await manager.evaluate(() => window.scrollY)).toBe(0);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(view.width);
  expect(box.y + box.height).toBeLessThanOrEqual(view.height);
  expect(box.width).toBeGreaterThanOrEqual(160);
  expect(Math.abs(box.width - box.height)).toBeLessThan(1);
}

let port = '';

/**
 * The manager's Devices view on the store network (HTTPS by name, pairing codes needed): the
 * first manager's own pairing screen, then devices by name with their online state, and the
 * pairing QR code on a phone and on a tablet.
 */
describe('the manager’s devices, on a phone and a tablet', () => {
  let hub: Hub;
  let log: MemoryLogger;
  let tablets: TrustingBrowser;
  let origin: string;
  let manager: Page | undefined;
  let clerkPage: Page | undefined;

  let named: NamedHub;
  beforeAll(async () => {
    named = await startNamedHub();
    ({ hub, log, tablets, origin, port } = named);
  });
  afterAll(() => named?.close());

  const context = (viewport: { width: number; height: number }): Promise<BrowserContext> =>
    // axe is injected as a script: the page's own CSP would refuse it
    tablets.browser.newContext({ viewport, bypassCSP: true });

  it('the first manager is sent to the hub’s link, not to a manager; other devices ask one', async () => {
    const page = await (await context(PHONE)).newPage();
    await page.goto(`${origin}/manager`);
    const pairing = page.locator('[data-testid="pairing"][data-first-manager="true"]');
    await pairing.waitFor();
    const said = (await pairing.textContent()) ?? '';
    expect(said).not.toMatch(/ask a manager/i);
    expect(said).toContain('first manager: open');
    expect(said).toContain('restart the store hub');

    // a clerk tablet on the same hub is still told to ask a manager
    const clerk = await (await context(TABLET)).newPage();
    await clerk.goto(`${origin}/clerk`);
    const clerkPairing = clerk.locator('[data-testid="pairing"][data-first-manager="false"]');
    await clerkPairing.waitFor();
    expect(await clerk.getByTestId('pairing-body').textContent()).toMatch(/^Ask a manager/);

    // the code at the end of the printed link, typed in, makes it the first manager
    const link = log.find('first manager: open')[0]!.match(/(https\S+)/)![1]!;
    await page.getByTestId('pairing-code').fill(new URL(link).searchParams.get('pair')!);
    await page.getByTestId('pairing-submit').click();
    await waitOnline(page);
    expect(hub.registry.list().filter((d) => d.role === 'manager')).toHaveLength(1);
    manager = page;
    clerkPage = clerk;
  });

  it('shows each device by name and online state, live; the QR code fits a phone and a tablet', async () => {
    const page = manager!;
    const clerk = clerkPage!;
    await page.getByTestId('manager-view-devices').click();
    await page.getByTestId('devices-panel').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    const code = await newPairingCode(page, 'clerk');
    await expectQrFits(page, code);

    // the clerk tablet pairs with it and is listed as "Clerk tablet 1", online
    await clerk.getByTestId('pairing-code').fill(code);
    await clerk.getByTestId('pairing-submit').click();
    await waitOnline(clerk);
    const clerkId = hub.registry.list().find((d) => d.role === 'clerk')!.id;
    const row = page.locator(`[data-testid="device-row"][data-device="${clerkId}"]`);
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 20_000 }).toBe('online');
    expect(await row.getByTestId('device-name').textContent()).toBe('Clerk tablet 1');
    expect(await row.getByTestId('device-state').textContent()).toBe('Online');
    const own = page.locator('[data-testid="device-row"]:has([data-testid="device-own"])');
    expect(await own.getByTestId('device-name').textContent()).toBe('Manager 1');
    expect(await own.getAttribute('data-state')).toBe('online');
    // what the hub refused, in plain words
    expect(await page.getByTestId('devices-refused').textContent()).toContain(
      'the store hub has refused no messages from devices',
    );
    expect(await page.getByTestId('devices-panel').textContent()).not.toContain('invalid');

    // the manager names it; the hub keeps the name
    await page.getByTestId(`device-rename-${clerkId}`).click();
    await page.getByTestId('device-rename-input').fill('Till by the door');
    await page.getByTestId('device-rename-save').click();
    await expect.poll(() => row.getByTestId('device-name').textContent()).toBe('Till by the door');
    expect(hub.registry.get(clerkId)?.name).toBe('Till by the door');
    expect(await runAxe(page, 'manager: devices on a phone')).toEqual([]);

    // the tablet goes away: the broker's last will shows it offline
    await clerk.context().close();
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 20_000 }).toBe('offline');
    expect(await row.getByTestId('device-state').textContent()).toMatch(/^Offline since /);

    // the same view on a tablet: the new code's QR is whole on screen there too
    await page.setViewportSize(TABLET);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expectQrFits(page, await newPairingCode(page, 'clerk'));
    expect(await runAxe(page, 'manager: devices on a tablet')).toEqual([]);
  });
});
