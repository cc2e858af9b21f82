import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfigDir, testPin } from '../support/hub.ts';
import { startHubProcess, type HubProcess } from '../support/hub-process.ts';
import { startMosquitto, type Mosquitto } from '../support/mosquitto.ts';
import { reloadOnNewDevices } from '../support/mosquitto-follow.ts';
import { freePort } from '../support/ports.ts';
import { scanQrCode } from '../support/qr-scan.ts';
import {
  enterPin,
  newPairingCode,
  takeTicket,
  waitForQueueItem,
  waitOnline,
} from '../support/surfaces.ts';
import {
  HUB_NAME,
  OTHER_HUB_NAME,
  launchTrustingChromium,
  type TrustingBrowser,
} from '../support/trusted-browser.ts';

/** Reloads with the hub down until the kiosk's service buttons show, n times: ms each. */
async function offlineStarts(kiosk: Page, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    await kiosk.reload();
    await kiosk.getByTestId('service-advice').waitFor();
    // from the navigation's start (performance.timeOrigin) until the buttons were there
    times.push(await kiosk.evaluate(() => performance.now()));
  }
  return times;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Installs the worker and reloads once so the page is controlled by it. */
async function installWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  expect(
    await page.evaluate(
      () => window.isSecureContext && navigator.serviceWorker.controller !== null,
    ),
  ).toBe(true);
}

/** The manager makes a pairing code; the tablet scans its QR code and opens what it says. */
async function pairByQr(manager: Page, tablet: Page, role: string, origin: string): Promise<void> {
  const fresh = await newPairingCode(manager, role);
  const code = manager.locator(`[data-testid="devices-code"][data-code="${fresh}"]`);
  const url = await scanQrCode(code.locator('svg'));
  expect(url).toMatch(new RegExp(`^${origin.replaceAll('.', '\\.')}/${role}\\?pair=\\w+$`));
  await tablet.goto(url);
}

// Tablets on the store network reach the hub by name over HTTPS, trusting the store authority
// in their own NSS database: through the embedded broker, and through Mosquitto with the same
// certificates.
describe.each(['embedded', 'mosquitto'] as const)(
  'tablets on the store network, %s broker',
  (brokerKind) => {
    let hub: HubProcess;
    let mosquitto: Mosquitto | undefined;
    let tablet: TrustingBrowser;
    let dataDir: string;
    let args: string[];
    let origin: string;
    let setupOrigin: string;
    let caPem: string;
    const contexts: BrowserContext[] = [];
    let stopFollowing = (): void => undefined;
    const ports = { https: 0, mqtt: 0, setup: 0, mqtts: 0, wss: 0 };

    const startTheHub = async (extra: readonly string[] = []) => {
      hub = await startHubProcess({
        port: ports.https,
        mqttPort: ports.mqtt,
        dataDir,
        extraArgs: [...args, ...extra],
      });
    };
    const newPage = async (): Promise<Page> => {
      const context = await tablet.browser.newContext({ viewport: { width: 1024, height: 768 } });
      contexts.push(context);
      return context.newPage();
    };

    beforeAll(async () => {
      for (const k of Object.keys(ports) as (keyof typeof ports)[]) ports[k] = await freePort();
      dataDir = mkdtempSync(join(tmpdir(), 'nextup-lan-'));
      const configDir = testConfigDir((c) => {
        c.staff = [{ id: 'anna', name: 'Anna K.', pin: testPin('2468') }];
      });
      args = ['--hostname', HUB_NAME, '--http-port', String(ports.setup), '--config', configDir];
      if (brokerKind === 'mosquitto') {
        const aclDir = mkdtempSync(join(tmpdir(), 'nextup-acl-'));
        execFileSync(process.execPath, [
          ...['src/hub/bin.mjs', 'mosquitto-config', '--out', aclDir, '--data', dataDir],
          ...['--config', configDir, '--hostname', HUB_NAME],
          ...['--mqtts-port', String(ports.mqtts), '--wss-port', String(ports.wss)],
        ]);
        mosquitto = await startMosquitto({ aclDir, tls: true });
        stopFollowing = reloadOnNewDevices(() => mosquitto, aclDir);
        args.push(
          ...['--host', '127.0.0.1', '--broker', `mqtts://127.0.0.1:${ports.mqtts}`],
          ...['--broker-ws', `wss://${HUB_NAME}:${ports.wss}`, '--broker-acl', aclDir],
        );
      } else {
        args.push('--host', '0.0.0.0');
      }
      await startTheHub();
      origin = `https://${HUB_NAME}:${ports.https}`;
      setupOrigin = `http://${HUB_NAME}:${ports.setup}`;
      caPem = readFileSync(join(dataDir, 'tls', 'ca.crt'), 'utf8');
      tablet = await launchTrustingChromium(caPem);
    });

    afterAll(async () => {
      stopFollowing();
      for (const c of contexts) await c.close();
      await tablet?.close();
      await hub?.stop();
      await mosquitto?.stop();
    });

    it('the setup page serves the authority it signs with, and sends surfaces to HTTPS', async () => {
      const page = await newPage();
      await page.goto(`${setupOrigin}/`);
      const shown = await page.getByTestId('setup-fingerprint').textContent();
      expect(shown).toBe(new X509Certificate(caPem).fingerprint256);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('setup-ca-pem').click(),
      ]);
      expect(download.url()).toBe(`${setupOrigin}/ca.crt`);
      const file = readFileSync(await download.path(), 'utf8');
      expect(new X509Certificate(file).fingerprint256).toBe(shown);
      expect(await page.getByTestId('setup-qr').getAttribute('data-url')).toBe(`${origin}/`);
      expect(await scanQrCode(page.getByTestId('setup-qr'))).toBe(`${origin}/`);

      await page.goto(`${setupOrigin}/board`);
      expect(page.url()).toBe(`${origin}/board`);
      expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    });

    it('a browser that does not trust the authority is refused, not let in', async () => {
      const stranger = await launchTrustingChromium(undefined);
      try {
        const page = await stranger.browser.newPage();
        await expect(page.goto(`${origin}/kiosk`)).rejects.toThrow(/ERR_CERT_AUTHORITY_INVALID/);
      } finally {
        await stranger.close();
      }
    });

    it('tablets pair by QR code, sign in by PIN, start offline with the hub down, and sync once it is back', async () => {
      const link = /first manager: open (https:\S+)/.exec(hub.output())?.[1];
      expect(link).toMatch(new RegExp(`^${origin.replaceAll('.', '\\.')}/manager\\?pair=`));
      const manager = await newPage();
      await manager.goto(link!);
      await waitOnline(manager, 30_000);
      await manager.getByTestId('manager-view-devices').click();
      await manager.getByTestId('devices-panel').waitFor();
      const kiosk = await newPage();
      await pairByQr(manager, kiosk, 'kiosk', origin);
      await kiosk.getByTestId('kiosk-choose-kiosk-1').click();
      await kiosk.getByTestId('service-advice').waitFor();
      await waitOnline(kiosk, 30_000);
      const clerk = await newPage();
      await pairByQr(manager, clerk, 'clerk', origin);
      await clerk.getByTestId('staff-anna').click();
      await enterPin(clerk, '2468');
      await clerk.locator('[data-testid="staff-bar"][data-staff="anna"]').waitFor();
      await clerk.getByTestId('counter-choose-counter-1').click();
      await clerk.getByTestId('counter-open').click();
      await clerk.getByTestId('call-next').waitFor();
      await waitOnline(clerk, 30_000);
      const board = await newPage();
      await pairByQr(manager, board, 'board', origin);
      await waitOnline(board, 30_000);
      for (const page of [kiosk, clerk, board]) await installWorker(page);
      for (const page of [kiosk, clerk, board]) {
        await waitOnline(page, 30_000);
        await page.locator('[data-testid="connection"][data-offline-ready="true"]').waitFor();
      }
      // the ticket's QR code sends the customer's phone to the HTTPS origin
      await kiosk.getByTestId('service-advice').click();
      const first = (await kiosk.getByTestId('ticket-number').textContent())?.trim() ?? '';
      const qr = await scanQrCode(kiosk.getByTestId('ticket-qr'));
      expect(qr.startsWith(`${origin}/t/`)).toBe(true);
      await kiosk.getByTestId('ticket-done').click();
      const before = await takeTicket(kiosk, 'advice');
      await waitForQueueItem(clerk, before, 30_000);
      // the store's computer goes down: the hub, and its broker
      await hub.stop();
      await mosquitto?.stop();
      const times = await offlineStarts(kiosk, 10);
      console.log(
        `[figure] ${brokerKind}: reload to usable kiosk with the hub down, ${origin}: ` +
          `median ${median(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms (n=10)`,
      );
      await kiosk.locator('[data-testid="connection"][data-state="offline"]').waitFor();
      const during = await takeTicket(kiosk, 'advice');
      expect(Number(during.slice(1))).toBe(Number(before.slice(1)) + 1);

      await clerk.reload();
      await waitForQueueItem(clerk, before);
      await clerk.getByTestId('call-next').click();
      await clerk.locator(`[data-testid="current-ticket"][data-number="${first}"]`).waitFor();
      await board.reload();
      await board.locator('[data-testid="connection"][data-state="offline"]').waitFor();
      // back: what each tablet did while the hub was down reaches the hub and the others
      if (mosquitto) mosquitto = await startMosquitto({ ...aclDirOf(args), tls: true });
      await startTheHub();
      for (const page of [kiosk, clerk, board]) await waitOnline(page, 60_000);
      await waitForQueueItem(clerk, during, 30_000);
      await board
        .locator(`[data-testid="serving-item"][data-number="${first}"]`)
        .waitFor({ timeout: 30_000 });
      for (const page of [kiosk, clerk]) {
        await page.locator('[data-testid="connection"][data-pending="0"]').waitFor();
      }
    }, 300_000);

    it('a hub certificate issued for a new name is trusted by a tablet that trusted the authority before', async () => {
      await hub.stop();
      await startTheHub(['--hostname', OTHER_HUB_NAME]);
      expect(hub.output()).toContain(`new names or addresses: ${OTHER_HUB_NAME}`);
      expect(readFileSync(join(dataDir, 'tls', 'ca.crt'), 'utf8')).toBe(caPem);
      const page = await newPage();
      await page.goto(`https://${OTHER_HUB_NAME}:${ports.https}/kiosk`);
      await page.getByTestId('pairing').waitFor();
      expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    });
  },
);

/** The folder of the Mosquitto files, read back from the hub's arguments. */
function aclDirOf(args: readonly string[]): { aclDir: string } {
  return { aclDir: args[args.indexOf('--broker-acl') + 1]! };
}
