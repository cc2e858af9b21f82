import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureChainStreams } from '../../src/chain/streams.ts';
import { startNatsCluster, type NatsCluster } from '../support/nats-cluster.ts';

// The cluster the chain runs on: three real nodes, a stream replicated on all three, and a
// publish acknowledged by a quorum survives the death of any one node.
describe('a 3-node JetStream cluster from the chain node configuration', () => {
  let cluster: NatsCluster;
  beforeAll(async () => {
    cluster = await startNatsCluster();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('keeps acknowledged messages, once each, through a node killed', async () => {
    const nc = await connect({ servers: [...cluster.servers] });
    try {
      const jsm = await jetstreamManager(nc);
      await jsm.streams.add({ name: 'T', subjects: ['t.>'], num_replicas: 3 });
      await ensureChainStreams(jsm);
      await ensureChainStreams(jsm); // idempotent
      expect((await jsm.streams.info('NEXTUP_EVENTS')).config.num_replicas).toBe(3);
      const js = jetstream(nc);
      for (let i = 1; i <= 20; i++) await js.publish('t.a', String(i), { msgID: `m${i}` });
      const again = await js.publish('t.a', '1', { msgID: 'm1' });
      expect(again.duplicate).toBe(true);
      await cluster.kill9(0);
      // the client moves to a live node; the stream re-elects if node 1 led it
      await expect
        .poll(async () => (await jsm.streams.info('T').catch(() => undefined))?.state.messages, {
          timeout: 30_000,
        })
        .toBe(20);
      await cluster.restart(0);
    } finally {
      await nc.close();
    }
  });
});
