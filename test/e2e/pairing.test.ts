import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../src/hub/hub.ts';
import type { MemoryLogger } from '../../src/hub/log.ts';
import { startNamedHub, type NamedHub } from '../support/named-hub.ts';
import type { TrustingBrowser } from '../support/trusted-browser.ts';
import { newPairingCode, waitOnline } from '../support/surfaces.ts';

/**
 * A hub on the store network, reached by name over HTTPS: the first manager joins with the link the hub printed, adds a
 * clerk tablet with a pairing code from the Devices panel (whose floor view is the same device),
 * and revokes it again.
 */
describe('pairing devices with a hub on the store network', () => {
  let hub: Hub;
  let log: MemoryLogger;
  let tablets: TrustingBrowser;
  let origin: string;
  /** What the first test leaves for the second: the manager's and the clerk's pages. */
  let paired: { manager: Page; clerk: Page; clerkId: string; counter: string } | undefined;
  let named: NamedHub;
  beforeAll(async () => {
    named = await startNamedHub();
    ({ hub, log, tablets, origin } = named);
  });
  afterAll(() => named?.close());

  it('first manager by the printed link, a clerk by a code, its floor view without another', async () => {
    // a device without a code gets the pairing screen, not the store
    const stranger = await (await tablets.browser.newContext()).newPage();
    await stranger.goto(`${origin}/clerk`);
    await stranger.getByTestId('pairing').waitFor();
    expect(await stranger.getByTestId('pairing-problem').textContent()).toContain(
      'a pairing code from the manager is needed',
    );

    const link = log.find('first manager: open')[0]!.match(/(https\S+)/)![1]!;
    expect(link.startsWith(`${origin}/manager?pair=`)).toBe(true);
    const manager = await (await tablets.browser.newContext()).newPage();
    await manager.goto(link);
    await waitOnline(manager);
    expect(manager.url()).not.toContain('pair=');
    await manager.getByTestId('manager-view-devices').click();
    await manager.getByTestId('devices-panel').waitFor();
    const code = await newPairingCode(manager, 'clerk');
    expect(await manager.getByTestId('devices-code-url').textContent()).toBe(
      `${origin}/clerk?pair=${code}`,
    );

    // the stranger types the code and becomes the store's clerk tablet
    await stranger.getByTestId('pairing-code').fill(code);
    await stranger.getByTestId('pairing-submit').click();
    await stranger.locator('[data-testid^="counter-choose-"]').first().waitFor();
    const clerkId = hub.registry.list().find((d) => d.role === 'clerk')!.id;

    // the clerk's floor view runs under the clerk tablet's own enrollment: no second pairing
    const counter = hub.config.counters[0]!.id;
    await stranger.getByTestId(`counter-choose-${counter}`).click();
    await stranger.getByTestId('counter-open').click();
    await stranger.getByTestId('open-floor').click();
    await stranger.getByTestId('floor-back').waitFor();
    await waitOnline(stranger);
    expect(await stranger.getByTestId('pairing').count()).toBe(0);
    expect(hub.registry.list().filter((d) => d.role === 'floor')).toEqual([]);
    await stranger.getByTestId('floor-back').click();
    await stranger.getByTestId('call-next').waitFor();
    await waitOnline(stranger);
    paired = { manager, clerk: stranger, clerkId, counter };
  });

  it('revoking: asked first, never the manager’s own device; the tablet says it was removed, its counter closes', async () => {
    const { manager, clerk, clerkId, counter } = paired!;
    const managerId = hub.registry.list().find((d) => d.role === 'manager')!.id;
    const counterRow = manager.getByTestId(`manager-counter-${counter}`);
    await manager.getByTestId('manager-view-live').click();
    await manager.locator(`[data-testid="manager-counter-${counter}"][data-open="true"]`).waitFor();

    await manager.getByTestId('manager-view-devices').click();
    await manager.getByTestId('devices-panel').waitFor();
    const ownRow = manager.locator(`[data-testid="device-row"][data-device="${managerId}"]`);
    await ownRow.getByTestId('device-own').waitFor();
    expect(await manager.getByTestId(`device-revoke-${managerId}`).count()).toBe(0);

    // a slip of the finger is taken back
    await manager.getByTestId(`device-revoke-${clerkId}`).click();
    expect(await manager.getByTestId('revoke-confirm').textContent()).toContain(
      'Remove Clerk tablet 1 from the store?',
    );
    await manager.getByTestId('revoke-no').click();
    await manager.getByTestId(`device-revoke-${clerkId}`).waitFor();
    expect(hub.registry.get(clerkId)?.revoked).toBe(false);

    const revokedAt = log.lines.length;
    await manager.getByTestId(`device-revoke-${clerkId}`).click();
    await manager.getByTestId('revoke-yes').click();
    await manager
      .locator(`[data-testid="device-row"][data-device="${clerkId}"][data-revoked="true"]`)
      .waitFor();
    expect(hub.registry.get(clerkId)?.revoked).toBe(true);
    expect(log.find(`client ${clerkId} disconnected: its credentials were revoked`)).toHaveLength(
      1,
    );

    // the tablet says plainly what happened and how to come back
    const removed = clerk.getByTestId('device-removed');
    await removed.waitFor();
    expect(await removed.textContent()).toContain(
      'This tablet was removed from the store by a manager.To use it again, ask a manager for a pairing code.',
    );
    // its counter is closed by the hub, on the manager's live view too
    await manager.getByTestId('manager-view-live').click();
    await manager
      .locator(`[data-testid="manager-counter-${counter}"][data-open="false"]`)
      .waitFor();
    expect(await counterRow.getAttribute('data-open')).toBe('false');

    // paired again with a new code, as the same device
    await manager.getByTestId('manager-view-devices').click();
    const code = await newPairingCode(manager, 'clerk');
    await clerk.getByTestId('removed-code').fill(code);
    await clerk.getByTestId('removed-submit').click();
    await waitOnline(clerk);
    expect(await clerk.getByTestId('device-removed').count()).toBe(0);
    expect(hub.registry.get(clerkId)?.revoked).toBe(false);

    // from revocation to pairing again, the hub said little about the tablet: no line per retry
    const aboutIt = log.lines.slice(revokedAt).filter((l) => l.includes(clerkId));
    expect(aboutIt.filter((l) => l.includes('refused'))).toHaveLength(1);
    expect(aboutIt.length).toBeLessThanOrEqual(10);
  });
});
