// What the chain's history holds for a store, read back from the real cluster: every message
// of its events subjects in stream order, with its message id, for counting and order checks.
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { EVENTS_STREAM, LIVE_STREAM, eventsFilter } from '../../src/domain/chain/subjects.ts';
import type { StoreEvent } from '../../src/domain/queue/events.ts';
import type { NatsCluster } from './nats-cluster.ts';

export interface ChainMessage {
  readonly subject: string;
  readonly msgId: string;
  readonly event: StoreEvent;
}

export interface ChainReader {
  readonly jsm: JetStreamManager;
  /** Messages now in the events stream (every store), or undefined while it re-elects. */
  count(): Promise<number | undefined>;
  /** Every message of the store's events, in stream order. */
  read(store: string): Promise<ChainMessage[]>;
  /** The last message kept on a subject of the live stream, parsed, or undefined. */
  last(subject: string): Promise<Record<string, unknown> | undefined>;
  /** The node index (in the cluster) that leads the events stream. */
  leader(cluster: NatsCluster): Promise<number>;
  close(): Promise<void>;
}

/** A reader of the cluster; `auth` adds a user's name and password when the cluster has users. */
export async function chainReader(
  cluster: NatsCluster,
  auth: { user: string; pass: string } | Record<string, never> = {},
): Promise<ChainReader> {
  const nc: NatsConnection = await connect({
    ...auth,
    servers: [...cluster.servers],
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
  });
  const jsm = await jetstreamManager(nc);
  const js = jetstream(nc);
  return {
    jsm,
    count: async () =>
      (await jsm.streams.info(EVENTS_STREAM).catch(() => undefined))?.state.messages,
    async read(store) {
      const c = await js.consumers.get(EVENTS_STREAM, { filter_subjects: eventsFilter(store) });
      const out: ChainMessage[] = [];
      for (let pending = 1; pending > 0;) {
        const batch = await c.fetch({ max_messages: 500, expires: 1000 });
        let got = 0;
        for await (const m of batch) {
          got++;
          pending = m.info.pending;
          out.push({
            subject: m.subject,
            msgId: m.headers?.get('Nats-Msg-Id') ?? '',
            event: m.json<StoreEvent>(),
          });
        }
        if (got === 0) break;
      }
      return out;
    },
    async last(subject) {
      const m = await jsm.streams
        .getMessage(LIVE_STREAM, { last_by_subj: subject })
        .catch(() => null);
      return m ? m.json<Record<string, unknown>>() : undefined;
    },
    async leader(cl) {
      const name = (await jsm.streams.info(EVENTS_STREAM)).cluster?.leader;
      const i = cl.nodes.findIndex((n) => n.name === name);
      if (i < 0) throw new Error(`no leader for ${EVENTS_STREAM} (${name ?? 'none'})`);
      return i;
    },
    close: () => nc.close(),
  };
}
