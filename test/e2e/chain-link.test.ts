// The store link against a real 3-node JetStream cluster and real hubs: every durable event of
// the store reaches NEXTUP_EVENTS once, through a node killed and the stream's leader killed,
// through the whole chain down for a day's worth of events, and through a hub killed while it
// catches up. The oracle is the hub's own history on disk, counted per message id.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimDevice, type SimDevice } from '../../bench/sim/device.ts';
import { ensureChainStreams } from '../../src/chain/streams.ts';
import type { LinkReport } from '../../src/domain/chain/link-report.ts';
import {
  EVENTS_STREAM,
  eventMsgId,
  linkSubject,
  waitSubject,
} from '../../src/domain/chain/subjects.ts';
import type { StoreConfig } from '../../src/domain/config/types.ts';
import { issueTicket } from '../../src/domain/queue/commands.ts';
import type { StoreEvent } from '../../src/domain/queue/events.ts';
import { startAgent, type Agent } from '../../src/hub/agent.ts';
import { cursorPath, readCursorFile } from '../../src/hub/chain/cursor-file.ts';
import { EventFileStore } from '../../src/hub/event-file-store.ts';
import { startHub, type Hub } from '../../src/hub/hub.ts';
import { createMemoryLogger } from '../../src/hub/log.ts';
import { chainReader, type ChainReader } from '../support/chain-stream.ts';
import { enrollOverHttp, testConfigDir } from '../support/hub.ts';
import { startHubProcess, type HubProcess } from '../support/hub-process.ts';
import { startNatsCluster, type NatsCluster } from '../support/nats-cluster.ts';
import { freePort } from '../support/ports.ts';

const SERVICES = ['advice', 'returns', 'pickup', 'checkout'];
let cluster: NatsCluster;
let chain: ChainReader;

beforeAll(async () => {
  cluster = await startNatsCluster();
  chain = await chainReader(cluster);
  await ensureChainStreams(chain.jsm);
});
afterAll(async () => {
  await chain?.close();
  await cluster?.stop();
});

/** A kiosk in Node (the real replica over MQTT), enrolled over the hub's HTTP API. */
async function kiosk(httpUrl: string, mqttUrl: string, config: StoreConfig, id: string) {
  const credentials = await enrollOverHttp(httpUrl, 'kiosk', id);
  const device = await startSimDevice({ brokerUrl: mqttUrl, config, credentials, role: 'kiosk' });
  await expect.poll(() => device.replica.connection).toBe('online');
  let n = 0;
  return {
    device,
    /** `count` tickets, each committed on the kiosk; resolves with their ids. */
    async issue(count: number): Promise<string[]> {
      const ids: string[] = [];
      for (let i = 0; i < count; i++, n++) {
        const id = `${device.id}-${n}`;
        const k = config.kiosks[0]!;
        const out = await device.replica.run((s) =>
          issueTicket(s, config, k, SERVICES[n % SERVICES.length]!, id),
        );
        if (!out.ok) throw new Error(`ticket ${n} not issued: ${out.error}`);
        ids.push(id);
      }
      return ids;
    },
  };
}

/** Every event in a hub's history on disk (the oracle). */
async function storedEvents(dir: string, timeZone: string): Promise<StoreEvent[]> {
  const files = new EventFileStore(dir, timeZone, { info: () => undefined, warn: () => undefined });
  const all: StoreEvent[] = [];
  for (const day of await files.days()) all.push(...(await files.readDay(day)));
  return all;
}

/** The chain holds each of the store's events once, under its message id, in device order. */
async function expectExactlyOnce(store: string, events: readonly StoreEvent[]): Promise<void> {
  const messages = await chain.read(store);
  const perId = new Map<string, number>();
  for (const m of messages) perId.set(m.msgId, (perId.get(m.msgId) ?? 0) + 1);
  expect([...perId.values()].filter((n) => n > 1)).toEqual([]);
  const want = events.map((e) => eventMsgId(store, e.device, e.seq)).sort();
  expect([...perId.keys()].sort()).toEqual(want);
  // oldest first: each device's events entered the history in its own order
  const lastSeq = new Map<string, number>();
  for (const { event: e } of messages) {
    expect(e.seq, `${e.device}:${e.seq}`).toBeGreaterThan(lastSeq.get(e.device) ?? 0);
    lastSeq.set(e.device, e.seq);
  }
}

describe('the store link on a 3-node cluster', () => {
  it('delivers every event once through a node killed and the stream leader killed', async () => {
    await chain.jsm.streams.purge(EVENTS_STREAM);
    const dataDir = mkdtempSync(join(tmpdir(), 'nextup-chain-'));
    let agent: Agent | undefined;
    const hub: Hub = await startHub({
      port: 0,
      mqttPort: 0,
      dataDir,
      log: createMemoryLogger(),
      chain: { servers: [...cluster.servers] },
      agent: async (o) => (agent = await startAgent(o)),
    });
    const k = await kiosk(hub.httpUrl, hub.mqttUrl, hub.config, 'kiosk-chain-a');
    const store = hub.config.store.id;
    const link = (): LinkReport => {
      const v = agent!.chainLink!.view();
      if (!v.enabled) throw new Error('the hub runs without its chain link');
      return v;
    };
    try {
      await expect.poll(() => link().connected).toBe(true);
      await k.issue(60);
      // the hub's own events too: tickets it issues itself (a kiosk's range of its own)
      const own = hub.config.kiosks[1]!;
      for (let i = 0; i < 10; i++) {
        const out = await agent!.replica.run((s) =>
          issueTicket(s, hub.config, own, 'advice', `hub-own-${i}`),
        );
        expect(out.ok ? 'ok' : out.error).toBe('ok');
      }
      await expect.poll(() => chain.count()).toBeGreaterThan(30);

      const leader = await chain.leader(cluster);
      const other = (leader + 1) % 3;
      const flowing = k.issue(100); // mid-flow
      await cluster.kill9(other);
      await flowing;
      await cluster.restart(other);
      await expect.poll(() => link().connected).toBe(true);

      const beforeLeader = k.issue(100);
      await cluster.kill9(leader);
      await beforeLeader;
      await k.issue(40);
      await expect.poll(() => k.device.replica.pending).toBe(0);
      // the stream re-elects among the two left; the link resends what was not acknowledged
      await expect.poll(() => link().waiting, { timeout: 60_000 }).toBe(0);
      await cluster.restart(leader);
      const events = await storedEvents(join(dataDir, store), hub.config.store.timeZone);
      expect(events.length).toBeGreaterThanOrEqual(310);
      await expect.poll(() => chain.count(), { timeout: 30_000 }).toBe(events.length);
      await expectExactlyOnce(store, events);
      // the live figures: the link's own report and the public wait payload of a service
      await expect.poll(async () => (await chain.last(linkSubject(store)))?.['waiting']).toBe(0);
      const wait = await chain.last(waitSubject(store, 'advice'));
      expect(wait).toMatchObject({ service: 'advice', waiting: expect.any(Number) as number });
    } finally {
      await k.device.close();
      await hub.close();
    }
  }, 240_000);

  it('catches up a day offline oldest first, serving throughout, and resumes after a kill -9', async () => {
    await chain.jsm.streams.purge(EVENTS_STREAM);
    const configDir = testConfigDir((c) => ((c['store'] as { id: string }).id = 'store-chain'));
    const dataDir = mkdtempSync(join(tmpdir(), 'nextup-chain-'));
    const ports = { port: await freePort(), mqttPort: await freePort() };
    const args = ['--chain', cluster.servers.join(','), '--chain-rate', '200'];
    const start = () => startHubProcess({ ...ports, dataDir, configDir, extraArgs: args });
    let proc: HubProcess = await start();
    const config = (await (await fetch(`${proc.httpUrl}/api/config`)).json()) as {
      config: StoreConfig;
    };
    const cfg = config.config;
    const k = await kiosk(proc.httpUrl, proc.mqttUrl, cfg, 'kiosk-chain-b');
    const device: SimDevice = k.device;
    try {
      await k.issue(20);
      await expect.poll(() => device.replica.pending).toBe(0);
      const linked = (await storedEvents(join(dataDir, cfg.store.id), cfg.store.timeZone)).length;
      await expect.poll(() => chain.count()).toBe(linked);

      // the whole chain down: the store keeps serving, every event kept on the hub's disk
      await Promise.all([0, 1, 2].map((i) => cluster.kill9(i)));
      const total = linked + 1800;
      for (let batch = 0; batch < 9; batch++) {
        await k.issue(200);
        // the hub answered the kiosk: all its events are in the hub's durable history
        await expect.poll(() => device.replica.pending).toBe(0);
      }
      await Promise.all([0, 1, 2].map((i) => cluster.restart(i)));

      // mid catch-up (200 events/s), the hub dies without a word
      await expect.poll(() => chain.count(), { timeout: 60_000 }).toBeGreaterThan(600);
      await proc.kill9();
      const atKill = (await chain.count()) ?? 0;
      expect(atKill).toBeLessThan(total);
      // what the cursor on the hub's disk had recorded when it died: the rest is the backlog
      const storeDir = join(dataDir, cfg.store.id);
      const { cursor } = await readCursorFile(cursorPath(storeDir));
      const isCovered = (e: StoreEvent) => {
        const d = cursor.devices[e.device];
        return d !== undefined && (e.seq <= d.upTo || (d.above ?? []).includes(e.seq));
      };
      const uncovered = (await storedEvents(storeDir, cfg.store.timeZone)).filter(
        (e) => !isCovered(e),
      ).length;
      expect(uncovered).toBeGreaterThanOrEqual(total - atKill);
      proc = await start();
      // the same kiosk reconnects to the hub back on its port, and is answered mid catch-up
      await expect.poll(() => device.replica.connection).toBe('online');
      await k.issue(50);
      await expect.poll(() => device.replica.pending).toBe(0);
      const backlog = /(\d+) events to send to the chain/;
      await expect.poll(() => backlog.test(proc.output())).toBe(true);
      // resumed from the cursor: it sends what the cursor had not recorded (and, if the scan
      // ran after them, the 50 new tickets' events), nothing it had
      const resent = Number(backlog.exec(proc.output())![1]);
      expect(resent).toBeGreaterThanOrEqual(uncovered);
      expect(resent).toBeLessThanOrEqual(uncovered + 50);

      const events = await storedEvents(join(dataDir, cfg.store.id), cfg.store.timeZone);
      await expect.poll(() => chain.count(), { timeout: 60_000 }).toBe(events.length);
      await expectExactlyOnce(cfg.store.id, events);
      expect(proc.output()).toMatch(/chain caught up: \d+ events acknowledged/);
    } finally {
      await device.close();
      await proc.stop();
    }
  }, 300_000);
});
