/**
 * The hub's whole store link, as the agent starts it with `--chain`: the connection to the
 * chain's cluster, the link that forwards the store's durable events, and the live figures
 * (waits, and the link's own report). Nothing here can stop the store: the cluster away, the
 * link waits and keeps its events on disk.
 */
import type { ChainCreds } from '../../domain/chain/creds.ts';
import type { ChainLinkView } from '../../domain/chain/link-report.ts';
import type { LinkOptions } from '../../domain/chain/link-messages.ts';
import type { StoreEvent } from '../../domain/queue/events.ts';
import type { Clock, Transport } from '../../sync/ports.ts';
import type { TopicRoot } from '../../sync/topics.ts';
import type { Logger } from '../log.ts';
import { startChainLink, type LinkHistory } from './chain-link.ts';
import { cursorPath } from './cursor-file.ts';
import { startLiveWaits } from './live-waits.ts';
import { openChainConnection } from './nats-connection.ts';

/** Where the chain is, and who this store is on it (the hub's `--chain`, `--chain-creds`). */
export interface ChainSettings {
  readonly servers: readonly string[];
  readonly creds?: ChainCreds;
  /** Tests make the link quicker or slower (window, rate, timeouts). */
  readonly link?: Partial<LinkOptions>;
}

export interface StoreLink {
  /** Events flushed to the store's disk (src/hub/chain/durable-tap.ts calls it). */
  committed(events: readonly StoreEvent[]): void;
  /** The wait publisher's transport, so its wait payloads also reach the chain. */
  teeWaits(
    transport: Pick<Transport, 'publish' | 'onStateChange'>,
  ): Pick<Transport, 'publish' | 'onStateChange'>;
  view(): ChainLinkView;
  /** Resolves once the history past the cursor has been read. */
  readonly scanned: Promise<void>;
  close(): Promise<void>;
}

export async function startStoreLink(deps: {
  readonly settings: ChainSettings;
  readonly root: TopicRoot;
  readonly storeDir: string;
  readonly timeZone: string;
  readonly services: () => readonly string[];
  readonly history: LinkHistory;
  readonly clock: Clock;
  readonly log: Logger;
}): Promise<StoreLink> {
  const { settings, clock, log } = deps;
  const store = deps.root.store;
  const link = await startChainLink({
    store,
    timeZone: deps.timeZone,
    history: deps.history,
    cursorFile: cursorPath(deps.storeDir),
    clock,
    log,
    ...(settings.link ? { options: settings.link } : {}),
  });
  let lastError = '';
  const connection = openChainConnection({
    servers: settings.servers,
    store,
    ...(settings.creds ? { creds: settings.creds } : {}),
    clock,
    onState: (up, server) => (up ? link.connected(connection, server) : link.disconnected(server)),
    onConnectError: (reason) => {
      // once per distinct reason: a cluster away for a day must not fill the log
      if (reason !== lastError)
        log.warn(
          'chain',
          `cannot reach the chain (${settings.servers.join(', ')}): ${reason}; retrying`,
        );
      lastError = reason;
    },
  });
  const waits = startLiveWaits({
    root: deps.root,
    services: deps.services,
    clock,
    publish: (subject, body) => connection.publishLive(subject, body),
  });
  log.info(
    'chain',
    `store link to ${settings.servers.join(', ')}${settings.creds ? ` as ${settings.creds.name}` : ' (no credentials)'}`,
  );
  return {
    committed: (events) => link.committed(events),
    teeWaits: (t) => waits.tee(t),
    view: () => link.view(),
    scanned: link.scanned,
    async close() {
      waits.close();
      await link.close();
      await connection.close();
    },
  };
}
