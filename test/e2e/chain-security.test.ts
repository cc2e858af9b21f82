import { readFile } from 'node:fs/promises';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStore, addUser } from '../../src/chain/admin.ts';
import { connectChain } from '../../src/chain/connect.ts';
import { parseChainCreds, type ChainCreds } from '../../src/domain/chain/creds.ts';
import {
  EVENTS_STREAM,
  eventMsgId,
  eventsSubject,
  waitSubject,
} from '../../src/domain/chain/subjects.ts';
import type { NatsCluster } from '../support/nats-cluster.ts';
import { startSecuredChain, type SecuredChain } from '../support/secured-chain.ts';

const DAY = '2026-12-06';

async function creds(file: string): Promise<ChainCreds> {
  return parseChainCreds(await readFile(file, 'utf8'), file);
}

/** The number of messages the chain's history holds on one store-day subject. */
async function countOn(service: ChainCreds, servers: readonly string[], subject: string) {
  const nc = await connectChain({ servers, creds: service });
  try {
    const info = await (
      await jetstreamManager(nc)
    ).streams.info(EVENTS_STREAM, {
      subjects_filter: subject,
    });
    return info.state.subjects?.[subject] ?? 0;
  } finally {
    await nc.close();
  }
}

// Each store has its own credentials, limited to its own subjects; readers only read; nobody
// connects without a user of the chain or without TLS.
describe('the chain cluster trusts each store with its own subjects only', () => {
  let cluster: NatsCluster;
  let dir: string;
  let service: ChainCreds;
  let storeA: ChainCreds;
  let reader: ChainCreds;

  let chain: SecuredChain;
  beforeAll(async () => {
    chain = await startSecuredChain([
      { id: 'store-a', region: 'North', timeZone: 'Europe/Warsaw' },
      { id: 'store-b', region: 'South', timeZone: 'Europe/Warsaw' },
    ]);
    ({ cluster, dir, service } = chain);
    storeA = chain.storeCreds('store-a');
    reader = await creds(await addUser(dir, { name: 'bi', kind: 'reader', mqtt: true }));
    cluster.reload();
  });
  afterAll(async () => {
    await chain?.stop();
  });

  it("a store writes its own history and is refused on another store's", async () => {
    const nc = await connectChain({ servers: cluster.servers, creds: storeA });
    try {
      const js = jetstream(nc, { timeout: 3_000 });
      const own = await js.publish(eventsSubject('store-a', DAY), '{}', {
        msgID: eventMsgId('store-a', 'k1', 1),
      });
      expect(own.duplicate).toBe(false);
      await expect(
        js.publish(eventsSubject('store-b', DAY), '{}', { msgID: eventMsgId('store-b', 'k1', 1) }),
      ).rejects.toThrow(/permission/i);
    } finally {
      await nc.close();
    }
    expect(await countOn(service, cluster.servers, eventsSubject('store-a', DAY))).toBe(1);
    expect(await countOn(service, cluster.servers, eventsSubject('store-b', DAY))).toBe(0);
  });

  it('a reader reads the history and cannot write it', async () => {
    const nc = await connectChain({ servers: cluster.servers, creds: reader });
    try {
      const info = await (await jetstreamManager(nc)).streams.info(EVENTS_STREAM);
      expect(info.state.messages).toBeGreaterThanOrEqual(1);
      const js = jetstream(nc, { timeout: 3_000 });
      await expect(js.publish(eventsSubject('store-a', DAY), '{}')).rejects.toThrow(/permission/i);
    } finally {
      await nc.close();
    }
    expect(await countOn(service, cluster.servers, eventsSubject('store-a', DAY))).toBe(1);
  });

  it("refuses a connection without a chain user, and one that does not trust the chain's authority", async () => {
    await expect(
      connect({
        servers: [...cluster.servers],
        tls: { ca: service.caPem ?? '' },
        reconnect: false,
      }),
    ).rejects.toThrow(/authorization|auth/i);
    await expect(
      connectChain({ servers: cluster.servers, creds: { ...storeA, caPem: undefined } }),
    ).rejects.toThrow(/certificate/i);
  });

  it("an MQTT reader on one node hears a store's waits published on another, and writes nothing", async () => {
    const mqttUrl = cluster.mqttUrl(2).replace('mqtt://', 'mqtts://');
    const options = {
      ca: service.caPem,
      username: 'bi',
      reconnectPeriod: 0,
      connectTimeout: 5_000,
    };
    await expect(
      mqtt.connectAsync(mqttUrl, { ...options, password: 'not-the-password' }),
    ).rejects.toThrow();
    const client = await mqtt.connectAsync(mqttUrl, { ...options, password: reader.mqttPassword });
    try {
      const heard: string[] = [];
      client.on('message', (topic) => heard.push(topic));
      await client.subscribeAsync('nextup/+/wait/#', { qos: 0 });
      const nc = await connectChain({ servers: [cluster.servers[0] ?? ''], creds: storeA });
      try {
        await expect
          .poll(async () => {
            nc.publish(waitSubject('store-a', 'advice'), '{"estimateSec":60}');
            await nc.flush();
            return heard;
          })
          .toContain('nextup/store-a/wait/advice');
      } finally {
        await nc.close();
      }
      const before = await countOn(service, cluster.servers, eventsSubject('store-a', DAY));
      await client.publishAsync(`nextup/store-a/events/${DAY}`, '{}', { qos: 0 });
      await client.subscribeAsync('nextup/probe/#', { qos: 0 }); // a round trip after the publish
      expect(await countOn(service, cluster.servers, eventsSubject('store-a', DAY))).toBe(before);
    } finally {
      await client.endAsync(true);
    }
  });

  it('a store added while the cluster runs connects after the nodes reload', async () => {
    const storeC = await creds(
      await addStore(dir, { id: 'store-c', name: 'C', region: 'East', timeZone: 'UTC' }),
    );
    cluster.reload();
    await expect
      .poll(async () => {
        const nc = await connectChain({ servers: cluster.servers, creds: storeC }).catch(
          () => undefined,
        );
        if (!nc) return false;
        const ack = await jetstream(nc, { timeout: 3_000 })
          .publish(eventsSubject('store-c', DAY), '{}', { msgID: eventMsgId('store-c', 'k', 1) })
          .catch(() => undefined);
        await nc.close();
        return ack !== undefined;
      })
      .toBe(true);
  });
});
