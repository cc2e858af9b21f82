/**
 * The hub's connection to the chain's NATS cluster: connects with the store's credentials
 * (NKey, its own reply prefix, the chain's CA), keeps trying while the cluster is away, and tells
 * the link when it is up or down. JetStream publishes (acknowledged by a quorum) for events,
 * plain publishes for the live figures (the live stream keeps the last one per subject).
 */
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import { connect, type ConnectionOptions, type NatsConnection } from '@nats-io/transport-node';
import { chainConnectionOptions } from '../../chain/connect.ts';
import type { ChainCreds } from '../../domain/chain/creds.ts';
import { storeInboxPrefix } from '../../domain/chain/subjects.ts';
import type { Clock } from '../../sync/ports.ts';

export interface ChainConnectionOptions {
  readonly servers: readonly string[];
  readonly store: string;
  readonly creds?: ChainCreds;
  readonly clock: Clock;
  /** Called with true once connected (or reconnected), false when the connection is lost. */
  readonly onState: (connected: boolean, server: string) => void;
  /** A first connect that failed, with its reason (then retried). */
  readonly onConnectError?: (reason: string) => void;
  /** Pause between first-connect attempts (ms). Default 2 s. */
  readonly retryMs?: number;
}

export interface ChainConnection {
  /** A JetStream publish; resolves with the ack, rejects with the refusal or a timeout. */
  publishEvent(subject: string, body: string, msgID: string, timeoutMs: number): Promise<void>;
  /** A plain publish (dropped when not connected: live figures are sent again soon). */
  publishLive(subject: string, body: string): void;
  close(): Promise<void>;
}

export function connectionOptions(o: ChainConnectionOptions): ConnectionOptions {
  // a store's user hears replies only on its own prefix, with or without credentials
  const creds = o.creds ?? undefined;
  return {
    ...chainConnectionOptions({
      servers: o.servers,
      name: `nextup-hub-${o.store}`,
      ...(creds ? { creds } : {}),
    }),
    inboxPrefix: storeInboxPrefix(o.store),
    pingInterval: 5000,
    maxPingOut: 2,
  };
}

export function openChainConnection(o: ChainConnectionOptions): ChainConnection {
  let nc: NatsConnection | undefined;
  let js: JetStreamClient | undefined;
  let closed = false;
  let cancelRetry: (() => void) | undefined;

  const watch = async (c: NatsConnection): Promise<void> => {
    for await (const s of c.status()) {
      if (s.type === 'disconnect') o.onState(false, s.server);
      else if (s.type === 'reconnect') o.onState(true, s.server);
    }
  };
  const attempt = async (): Promise<void> => {
    cancelRetry = undefined;
    if (closed) return;
    try {
      const c = await connect(connectionOptions(o));
      if (closed) return void (await c.close());
      nc = c;
      js = jetstream(c);
      o.onState(true, c.getServer());
      void watch(c);
      void c.closed().then(() => {
        // out of reconnects or closed by the server: start over unless the hub is stopping
        if (closed || nc !== c) return;
        nc = undefined;
        js = undefined;
        o.onState(false, c.getServer());
        cancelRetry = o.clock.after(o.retryMs ?? 2000, () => void attempt());
      });
    } catch (err) {
      o.onConnectError?.((err as Error).message);
      cancelRetry = o.clock.after(o.retryMs ?? 2000, () => void attempt());
    }
  };
  void attempt();

  return {
    async publishEvent(subject, body, msgID, timeoutMs) {
      if (!js) throw new Error('not connected');
      await js.publish(subject, body, { msgID, timeout: timeoutMs });
    },
    publishLive(subject, body) {
      if (!nc || nc.isClosed()) return;
      try {
        nc.publish(subject, body);
      } catch {
        // closing: the next report goes out on the next connection
      }
    },
    async close() {
      closed = true;
      cancelRetry?.();
      const c = nc;
      nc = undefined;
      js = undefined;
      await c?.close();
    },
  };
}
