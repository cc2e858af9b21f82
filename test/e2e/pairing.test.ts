import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgent } from '../../src/hub/agent.ts';
import { startHub, type Hub } from '../../src/hub/hub.ts';
import { createMemoryLogger, type MemoryLogger } from '../../src/hub/log.ts';
import {
  HUB_NAME,
  launchTrustingChromium,
  type TrustingBrowser,
} from '../support/trusted-browser.ts';
import { newPairingCode, waitOnline } from '../support/surfaces.ts';

/**
 * A hub on the store network, reached by name over HTTPS: the first manager joins with the link the hub printed, adds a
 * clerk tablet with a pairing code from the Devices panel, and revokes it again.
 */
describe('pairing devices with a hub on the store network', () => {
  let hub: Hub;
  let log: MemoryLogger;
  let tablets: TrustingBrowser;
  let origin: string;
  beforeAll(async () => {
    log = createMemoryLogger();
    const dataDir = mkdtempSync(join(tmpdir(), 'nextup-pair-'));
    hub = await startHub({
      host: '0.0.0.0',
      hostnames: [HUB_NAME],
      port: 0,
      mqttPort: 0,
      httpPort: 0,
      dataDir,
      log,
      agent: startAgent,
    });
    origin = `https://${HUB_NAME}:${new URL(hub.httpUrl).port}`;
    tablets = await launchTrustingChromium(readFileSync(join(dataDir, 'tls', 'ca.crt'), 'utf8'));
  });
  afterAll(async () => {
    await tablets?.close();
    await hub?.close();
  });

  it('first manager by the printed link, a clerk by a code, then revoked', async () => {
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
