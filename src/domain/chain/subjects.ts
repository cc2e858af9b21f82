/**
 * The chain's names on the NATS JetStream cluster, the one place they are spelled (DESIGN.md
 * section 9). Store, device and service ids are single NATS tokens (the config's id pattern has
 * no dots or wildcards), so a store's permissions are one filter: `nextup.<store>.>`.
 */

/** Every subject of the chain starts here; the cluster's MQTT gateway shows it as `nextup/…`. */
export const CHAIN_ROOT = 'nextup';

/**
 * The chain's history: every store's events, replicated on 3 nodes. One message per event,
 * on the store's subject for the event's store-local day, so a store-day is one subject filter.
 */
export const EVENTS_STREAM = 'NEXTUP_EVENTS';

/**
 * The live figures: each store's waits and chain-link state, the last message per subject kept
 * (a key-value shape without the KV API, so a store needs only publish rights).
 */
export const LIVE_STREAM = 'NEXTUP_LIVE';

/** The durable consumer the chain service instances share. */
export const SERVICE_CONSUMER = 'chain-service';

/** Rollups per store and day, written by the chain service. */
export const ROLLUP_BUCKET = 'nextup_rollups';

/** The events of one store on one store-local day (`yyyy-mm-dd`). */
export function eventsSubject(store: string, day: string): string {
  return `${CHAIN_ROOT}.${store}.events.${day}`;
}

/** Every day's events of a store (`*` for every store). */
export function eventsFilter(store = '*'): string {
  return `${CHAIN_ROOT}.${store}.events.>`;
}

/** A store's live wait for one service: the public MQTT API's wait payload (DESIGN.md §4). */
export function waitSubject(store: string, service: string): string {
  return `${CHAIN_ROOT}.${store}.wait.${service}`;
}

/** A store's chain-link report: connected, events waiting, last acknowledged. */
export function linkSubject(store: string): string {
  return `${CHAIN_ROOT}.${store}.link`;
}

/** Every subject a store may publish: its own, nothing else. */
export function storeFilter(store: string): string {
  return `${CHAIN_ROOT}.${store}.>`;
}

/** The reply subjects a store's connection uses, so it never sees another store's replies. */
export function storeInboxPrefix(store: string): string {
  return `_INBOX_${store}`;
}

/**
 * JetStream's deduplication id for an event: a store's device and sequence name one event for
 * ever, so a resend after a lost acknowledgement is stored once.
 */
export function eventMsgId(store: string, device: string, seq: number): string {
  return `${store}:${device}:${seq}`;
}

/** What a subject names, or undefined for a subject outside the chain's events. */
export function parseEventsSubject(subject: string): { store: string; day: string } | undefined {
  const [root, store, kind, day, ...rest] = subject.split('.');
  if (root !== CHAIN_ROOT || kind !== 'events' || !store || !day || rest.length > 0)
    return undefined;
  return { store, day };
}
