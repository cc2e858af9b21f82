import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgent } from '../../src/hub/agent.ts';
import { startHub, type Hub } from '../../src/hub/hub.ts';
import { createMemoryLogger, type MemoryLogger } from '../../src/hub/log.ts';
import { launchChromium } from '../support/browser.ts';
import { waitOnline } from '../support/surfaces.ts';

/**
 * A hub on the store network: the first manager joins with the link the hub printed, adds a
 * clerk tablet with a pairing code from the Devices panel, and revokes it again.
 */
describe('pairing devices with a hub on the store network', () => {
  let hub: Hub;
  let log: MemoryLogger;
  let browser: Browser;
  beforeAll(async () => {
    log = createMemoryLogger();
    hub = await startHub({
      host: '0.0.0.0',
      port: 0,
      mqttPort: 0,
      dataDir: mkdtempSync(join(tmpdir(), 'nextup-pair-')),
      log,
      agent: startAgent,
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('first manager by the printed link, a clerk by a code, then revoked', async () => {
    // a device without a code gets the pairing screen, not the store
    const stranger = await (await browser.newContext()).newPage();
    await stranger.goto(`${hub.httpUrl}/clerk`);
    await stranger.getByTestId('pairing').waitFor();
    expect(await stranger.getByTestId('pairing-problem').textContent()).toContain(
      'a pairing code from the manager is needed',
    );

    const link = log.find('first manager: open')[0]!.match(/(http\S+)/)![1]!;
    const manager = await (await browser.newContext()).newPage();
    await manager.goto(link);
    await waitOnline(manager);
    expect(manager.url()).not.toContain('pair=');
    await manager.getByTestId('manager-view-devices').click();
    await manager.getByTestId('devices-panel').waitFor();
    await manager.getByTestId('devices-role').selectOption('clerk');
    await manager.getByTestId('devices-add').click();
    const code = (await manager.getByTestId('devices-code').getAttribute('data-code'))!;
    expect(await manager.getByTestId('devices-code-url').textContent()).toBe(
      `${hub.httpUrl}/clerk?pair=${code}`,
    );

    // the stranger types the code and becomes the store's clerk tablet
    await stranger.getByTestId('pairing-code').fill(code);
    await stranger.getByTestId('pairing-submit').click();
    await stranger.locator('[data-testid^="counter-choose-"]').first().waitFor();
    const clerkId = hub.registry.list().find((d) => d.role === 'clerk')!.id;

    await manager.reload();
    await manager.getByTestId(`device-revoke-${clerkId}`).click();
    await manager
      .locator(`[data-testid="device-row"][data-device="${clerkId}"][data-revoked="true"]`)
      .waitFor();
    expect(hub.registry.get(clerkId)?.revoked).toBe(true);
    expect(log.find(`client ${clerkId} disconnected: its credentials were revoked`)).toHaveLength(
      1,
    );
  });
});
