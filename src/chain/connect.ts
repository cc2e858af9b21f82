/**
 * One way to connect to the chain's cluster, for a store's hub, the chain service and readers:
 * the user's NKey, replies on the user's own inbox prefix (a store's permissions allow only
 * its own), TLS with the chain's authority when the credentials carry it, and reconnection
 * forever (a store is offline from the chain for as long as it takes, never for good).
 */
import {
  connect,
  nkeyAuthenticator,
  type ConnectionOptions,
  type NatsConnection,
} from '@nats-io/transport-node';
import { storeInboxPrefix } from '../domain/chain/subjects.ts';
import type { ChainCreds } from '../domain/chain/creds.ts';

export interface ChainConnectOptions {
  readonly servers: readonly string[];
  readonly creds?: ChainCreds;
  /** For the cluster's logs and monitoring: who this connection is. */
  readonly name?: string;
}

/** The reply prefix of a user: a store's is `_INBOX_<store>`, others `_INBOX_<name>`. */
export function inboxPrefixOf(creds: ChainCreds): string {
  return creds.kind === 'store' ? storeInboxPrefix(creds.name) : `_INBOX_${creds.name}`;
}

export function chainConnectionOptions(opts: ChainConnectOptions): ConnectionOptions {
  const creds = opts.creds;
  return {
    servers: [...opts.servers],
    name: opts.name ?? (creds ? `nextup-${creds.kind}-${creds.name}` : 'nextup'),
    maxReconnectAttempts: -1,
    reconnectTimeWait: 1_000,
    ...(creds
      ? {
          authenticator: nkeyAuthenticator(new TextEncoder().encode(creds.seed)),
          inboxPrefix: inboxPrefixOf(creds),
          ...(creds.caPem ? { tls: { ca: creds.caPem } } : {}),
        }
      : {}),
  };
}

export async function connectChain(opts: ChainConnectOptions): Promise<NatsConnection> {
  return connect(chainConnectionOptions(opts));
}
