import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgent } from '../../src/hub/agent.ts';
import { startHub, type Hub } from '../../src/hub/hub.ts';
import { createMemoryLogger, type MemoryLogger } from '../../src/hub/log.ts';
import { DeviceRegistry } from '../../src/hub/device-registry.ts';
import { writeMosquittoFiles } from '../../src/hub/mosquitto-config.ts';
import { startMosquitto, type Mosquitto } from '../support/mosquitto.ts';
import { reloadOnNewDevices } from '../support/mosquitto-follow.ts';
import { waitOnline } from '../support/surfaces.ts';
import {
  HUB_NAME,
  launchTrustingChromium,
  type TrustingBrowser,
} from '../support/trusted-browser.ts';

/**
 * A tablet that reaches the hub over plain HTTP by name (the hub behind a TLS proxy that a
 * tablet bypassed, --plain-http) is not a secure context: no service worker, no offline start.
 * It must say so to staff, never to customers, and the manager must see it in Devices.
 */
describe.each(['embedded', 'mosquitto'] as const)(
  'a tablet over plain HTTP by name, %s broker',
  (kind) => {
    let hub: Hub;
    let log: MemoryLogger;
    let tablets: TrustingBrowser;
    let mosquitto: Mosquitto | undefined;
    let stopFollowing = (): void => undefined;
    beforeAll(async () => {
      log = createMemoryLogger();
      const dataDir = mkdtempSync(join(tmpdir(), 'nextup-plain-'));
      let external = {};
      if (kind === 'mosquitto') {
        // as an operator would: `nextup mosquitto-config`, then Mosquitto, then the hub
        const aclDir = mkdtempSync(join(tmpdir(), 'nextup-acl-'));
        const registry = new DeviceRegistry({ dataDir, store: 'store-001' });
        await writeMosquittoFiles(registry, 'nextup/v1', aclDir);
        await registry.flushed();
        mosquitto = await startMosquitto({ aclDir });
        stopFollowing = reloadOnNewDevices(() => mosquitto, aclDir);
        // the browsers reach Mosquitto's WebSocket by the hub's name too
        const wsPort = new URL(mosquitto.wsUrl).port;
        external = {
          brokerUrl: mosquitto.mqttUrl,
          brokerWsUrl: `ws://${HUB_NAME}:${wsPort}`,
          brokerAclDir: aclDir,
        };
      }
      hub = await startHub({
        host: '127.0.0.1',
        hostnames: [HUB_NAME],
        plainHttp: true,
        port: 0,
        mqttPort: 0,
        dataDir,
        log,
        agent: startAgent,
        ...external,
      });
      tablets = await launchTrustingChromium(undefined);
    });
    afterAll(async () => {
      stopFollowing();
      await tablets?.close();
      await hub?.close();
      await mosquitto?.stop();
    });

    it('warns its staff, keeps customers out of it, and shows in the manager’s Devices', async () => {
      // the manager works on the hub's own computer (127.0.0.1 is a secure context)
      const link = /first manager: open (http\S+)/.exec(log.find('first manager: open')[0]!)![1]!;
      expect(link.startsWith(`${hub.httpUrl}/manager?pair=`)).toBe(true);
      const manager = await (await tablets.browser.newContext()).newPage();
      await manager.goto(link);
      await waitOnline(manager, 30_000);
      const managerId = hub.registry.list().find((d) => d.role === 'manager')!.id;

      const byName = `http://${HUB_NAME}:${new URL(hub.httpUrl).port}`;
      const pair = async (role: string): Promise<string> => {
        await manager.getByTestId('manager-view-devices').click();
        await manager.getByTestId('devices-role').selectOption(role);
        await manager.getByTestId('devices-add').click();
        const code = await manager.getByTestId('devices-code').getAttribute('data-code');
        return `${byName}/${role}?pair=${code}`;
      };

      const clerk = await (await tablets.browser.newContext()).newPage();
      await clerk.goto(await pair('clerk'));
      await clerk.locator('[data-testid^="counter-choose-"]').first().waitFor();
      expect(await clerk.evaluate(() => window.isSecureContext)).toBe(false);
      await clerk.locator('[data-testid="offline-warning"][data-kind="insecure"]').waitFor();
      await clerk.locator('[data-testid="connection"][data-offline-ready="false"]').waitFor();
      const clerkId = hub.registry.list().find((d) => d.role === 'clerk')!.id;

      const kiosk = await (await tablets.browser.newContext()).newPage();
      await kiosk.goto(`${await pair('kiosk')}&kiosk=kiosk-1`);
      await kiosk.getByTestId('service-advice').waitFor();
      await kiosk.locator('[data-testid="connection"][data-offline-ready="false"]').waitFor();
      // customers see only the badge: no banner on the kiosk
      expect(await kiosk.getByTestId('offline-warning').count()).toBe(0);
      const kioskId = hub.registry.list().find((d) => d.role === 'kiosk')!.id;

      await manager.getByTestId('manager-view-live').click();
      const list = manager.getByTestId('devices-not-offline');
      await list.locator(`[data-testid="device-not-offline"][data-device="${clerkId}"]`).waitFor();
      await list.locator(`[data-testid="device-not-offline"][data-device="${kioskId}"]`).waitFor();
      // the manager's own screen, on a secure origin with its worker, is not listed
      await manager.locator('[data-testid="connection"][data-offline-ready="true"]').waitFor();
      await expect
        .poll(() =>
          list.locator(`[data-testid="device-not-offline"][data-device="${managerId}"]`).count(),
        )
        .toBe(0);
    });
  },
);
