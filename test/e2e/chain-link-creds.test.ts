// The store link with production-like credentials: a cluster whose store user (an NKey) may
// publish only its own subjects and receive replies only on its own inbox prefix. The hub reads
// its credentials file, authenticates with the seed and still gets every event acknowledged;
// the manager board shows the link linked, then cut off with the events waiting.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { nkeys } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimDevice } from '../../bench/sim/device.ts';
import { ensureChainStreams } from '../../src/chain/streams.ts';
import {
  linkSubject,
  storeFilter,
  storeInboxPrefix,
  waitSubject,
} from '../../src/domain/chain/subjects.ts';
import { issueTicket } from '../../src/domain/queue/commands.ts';
import { startHub, type Hub } from '../../src/hub/hub.ts';
import { createMemoryLogger } from '../../src/hub/log.ts';
import type { Browser } from 'playwright-core';
import { runAxe } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { chainReader, type ChainReader } from '../support/chain-stream.ts';
import { enrollOverHttp } from '../support/hub.ts';
import { startNatsCluster, type NatsCluster } from '../support/nats-cluster.ts';

const STORE = 'store-001';
const dir = mkdtempSync(join(tmpdir(), 'nextup-chain-auth-'));
const user = nkeys.createUser();
let cluster: NatsCluster;
let chain: ChainReader;
let browser: Browser;

beforeAll(async () => {
  const authFile = join(dir, 'accounts.conf');
  writeFileSync(
    authFile,
    `accounts {
  CHAIN {
    jetstream: enabled
    users: [
      { user: "admin", password: "admin-pw" }
      {
        nkey: "${user.getPublicKey()}"
        permissions: {
          publish: { allow: ["${storeFilter(STORE)}"] }
          subscribe: { allow: ["${storeInboxPrefix(STORE)}.>"] }
        }
      }
    ]
  }
}
`,
  );
  // nats-server 2.9 reads an include path relative to the including file, even an absolute
  // one: name it from the cluster's folder (a sibling in tmpdir)
  const included = relative(join(tmpdir(), 'cluster'), authFile);
  cluster = await startNatsCluster({ config: () => ({ authFile: included }) });
  chain = await chainReader(cluster, { user: 'admin', pass: 'admin-pw' });
  await ensureChainStreams(chain.jsm);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await chain?.close();
  await cluster?.stop();
});

describe('the store link with its own credentials', () => {
  it('authenticates with the seed, publishes events and live figures, shows on the board', async () => {
    const credsFile = join(dir, `${STORE}.creds.json`);
    const seed = new TextDecoder().decode(user.getSeed());
    writeFileSync(credsFile, JSON.stringify({ kind: 'store', name: STORE, seed }));
    const log = createMemoryLogger();
    const hub: Hub = await startHub({
      port: 0,
      mqttPort: 0,
      dataDir: mkdtempSync(join(tmpdir(), 'nextup-chain-')),
      log,
      chain: { servers: [...cluster.servers], credsFile },
    });
    const credentials = await enrollOverHttp(hub.httpUrl, 'kiosk', 'kiosk-creds');
    const kiosk = await startSimDevice({
      brokerUrl: hub.mqttUrl,
      config: hub.config,
      credentials,
      role: 'kiosk',
    });
    try {
      for (let i = 0; i < 5; i++) {
        const out = await kiosk.replica.run((s) =>
          issueTicket(s, hub.config, hub.config.kiosks[0]!, 'advice', `creds-${i}`),
        );
        expect(out.ok).toBe(true);
      }
      // the kiosk's five, each once (the hub may add events of its own, its verdicts)
      const kioskSeqs = async () =>
        (await chain.read(STORE))
          .filter((m) => m.event.device === kiosk.id)
          .map((m) => m.event.seq);
      await expect.poll(kioskSeqs).toEqual([1, 2, 3, 4, 5]);
      const ids = (await chain.read(STORE)).map((m) => m.msgId);
      expect(new Set(ids).size).toBe(ids.length);
      await expect
        .poll(async () => (await chain.last(linkSubject(STORE)))?.['connected'])
        .toBe(true);
      await expect
        .poll(async () => (await chain.last(waitSubject(STORE, 'advice')))?.['service'])
        .toBe('advice');
      expect(log.lines.join('\n')).toContain(`as ${STORE}`);
      expect(log.lines.join('\n')).not.toMatch(/chain refused/);

      // the manager board shows the link at a glance: linked, then cut off with what waits
      const page = await (await browser.newContext({ bypassCSP: true })).newPage();
      await page.goto(`${hub.httpUrl}/manager`);
      const line = page.getByTestId('manager-chain-link');
      await expect.poll(() => line.getAttribute('data-state')).toBe('connected');
      expect(await line.textContent()).toMatch(/Chain: linked.*nothing waiting.*last received/);
      expect(await runAxe(page, 'manager: chain link')).toEqual([]);
      await Promise.all([0, 1, 2].map((i) => cluster.kill9(i)));
      await kiosk.replica.run((s) =>
        issueTicket(s, hub.config, hub.config.kiosks[0]!, 'returns', 'creds-offline'),
      );
      // the board asks every 10 s: within two of its rounds
      await expect
        .poll(() => line.getAttribute('data-state'), { timeout: 25_000 })
        .toBe('disconnected');
      // the kiosk's ticket at least (the hub may add an event of its own)
      await expect
        .poll(async () => Number(await line.getAttribute('data-waiting')), { timeout: 25_000 })
        .toBeGreaterThan(0);
      expect(await line.textContent()).toMatch(/cut off.*\d+ events? waiting/);
    } finally {
      await kiosk.close();
      await hub.close();
    }
  }, 120_000);
});
