/**
 * The cluster's users and what each may do, written from the chain file as the `accounts`
 * block every node includes: a store publishes only its own subjects and hears only its own
 * replies; a reader subscribes and asks JetStream to read, never to write; the chain service
 * administers the streams. All users share one JetStream account, so the service sees every
 * store's history.
 */
import { CHAIN_ROOT, storeFilter, storeInboxPrefix } from '../domain/chain/subjects.ts';
import type { ChainFile } from './chain-file.ts';

export const CHAIN_ACCOUNT = 'CHAIN';

interface Permissions {
  readonly publish: readonly string[];
  readonly subscribe: readonly string[];
}

/** The JetStream API requests that only read (stream info, ephemeral consumers, fetch, ack). */
const READ_API = [
  '$JS.API.INFO',
  '$JS.API.STREAM.NAMES',
  '$JS.API.STREAM.LIST',
  '$JS.API.STREAM.INFO.*',
  '$JS.API.STREAM.MSG.GET.*',
  '$JS.API.DIRECT.GET.>',
  '$JS.API.CONSUMER.CREATE.*',
  '$JS.API.CONSUMER.CREATE.*.>',
  '$JS.API.CONSUMER.INFO.*.*',
  '$JS.API.CONSUMER.DELETE.*.*',
  '$JS.API.CONSUMER.MSG.NEXT.*.*',
  '$JS.ACK.>',
  '$JS.FC.>',
];

export function storePermissions(store: string): Permissions {
  return { publish: [storeFilter(store)], subscribe: [`${storeInboxPrefix(store)}.>`] };
}

export function readerPermissions(name: string): Permissions {
  return { publish: READ_API, subscribe: [`${CHAIN_ROOT}.>`, `_INBOX_${name}.>`] };
}

export const SERVICE_PERMISSIONS: Permissions = { publish: ['>'], subscribe: ['>'] };

/**
 * What an MQTT reader may do on the gateway: subscribe to the chain's subjects (MQTT's
 * `nextup/+/wait/#` is `nextup.*.wait.>`), publish nothing.
 */
export const MQTT_READER_PERMISSIONS: Permissions = {
  publish: [],
  subscribe: [`${CHAIN_ROOT}.>`],
};

function permissionsText(p: Permissions): string {
  const list = (xs: readonly string[]) => `[${xs.map((x) => JSON.stringify(x)).join(', ')}]`;
  const publish = p.publish.length > 0 ? `{ allow: ${list(p.publish)} }` : '{ deny: [">"] }';
  return `permissions: { publish: ${publish}, subscribe: { allow: ${list(p.subscribe)} } }`;
}

function userEntry(nkey: string, p: Permissions): string {
  return `      { nkey: ${JSON.stringify(nkey)}, ${permissionsText(p)} }`;
}

function passwordEntry(user: string, hash: string, p: Permissions): string {
  return `      { user: ${JSON.stringify(user)}, password: ${JSON.stringify(hash)}, ${permissionsText(p)} }`;
}

/** The `accounts { … }` block for the nodes' configuration (cluster-config.ts includes it). */
export function authConfig(chain: ChainFile): string {
  const users = [
    ...chain.stores.map((s) => userEntry(s.nkey, storePermissions(s.id))),
    ...chain.users.map((u) =>
      userEntry(u.nkey, u.kind === 'service' ? SERVICE_PERMISSIONS : readerPermissions(u.name)),
    ),
    ...chain.users.flatMap((u) =>
      u.kind === 'reader' && u.mqttPasswordHash
        ? [passwordEntry(u.name, u.mqttPasswordHash, MQTT_READER_PERMISSIONS)]
        : [],
    ),
  ];
  return [
    `# written by nextup chain from ${chain.chain.id}'s chain file: edit the chain file, not this`,
    'accounts {',
    `  ${CHAIN_ACCOUNT}: {`,
    '    jetstream: enabled',
    '    users: [',
    ...users,
    '    ]',
    '  }',
    '}',
    '',
  ].join('\n');
}
