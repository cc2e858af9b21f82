/**
 * The chain's rollups in a JetStream key-value bucket (ROLLUP_BUCKET, 3 replicas), one key per
 * store-day: written by whichever service instance rebuilt it, with a compare-and-set that keeps
 * the build that read furthest (two instances racing on one store-day end with the later read),
 * and watched by every instance into an in-memory index the HTTP side reads.
 */
import { followForever } from './follow.ts';
import { Kvm, type KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  readRollupRecord,
  supersedes,
  type RollupRecord,
} from '../../domain/chain/rollup-record.ts';
import { ROLLUP_BUCKET } from '../../domain/chain/subjects.ts';
import type { DayRollup } from '../../domain/reports/facts.ts';

export interface RollupEntry {
  readonly record: RollupRecord;
  readonly rollup: DayRollup;
}

export interface RollupBucket {
  /** Stores the record unless a build that read further is there; true when written. */
  write(record: RollupRecord): Promise<boolean>;
  read(store: string, day: string): Promise<RollupEntry | undefined>;
}

export const rollupKey = (store: string, day: string): string => `${store}.${day}`;

const encoder = new TextEncoder();

export async function openRollupBucket(nc: NatsConnection, replicas = 3): Promise<KV> {
  // create binds to the bucket when it exists with this configuration
  return new Kvm(nc).create(ROLLUP_BUCKET, { replicas, history: 1 });
}

function decode(value: Uint8Array): RollupEntry | undefined {
  try {
    return readRollupRecord(JSON.parse(new TextDecoder().decode(value)));
  } catch {
    return undefined;
  }
}

export function rollupBucket(kv: KV): RollupBucket {
  const read = async (key: string) => {
    const e = await kv.get(key);
    if (!e || e.operation !== 'PUT') return { revision: e?.revision ?? 0, entry: undefined };
    return { revision: e.revision, entry: decode(e.value) };
  };
  return {
    async write(record) {
      const key = rollupKey(record.store, record.day);
      const data = encoder.encode(JSON.stringify(record));
      for (let attempt = 0; attempt < 10; attempt++) {
        const { revision, entry } = await read(key);
        if (!supersedes(record, entry?.record)) return false;
        try {
          if (revision === 0) await kv.create(key, data);
          else await kv.update(key, data, revision);
          return true;
        } catch {
          // another instance wrote in between: read again and compare
        }
      }
      throw new Error(`rollup ${key}: gave up after 10 conflicting writes`);
    },
    async read(store, day) {
      return (await read(rollupKey(store, day))).entry;
    },
  };
}

/** Every store-day's latest rollup, kept current by a watch on the bucket. */
export class RollupIndex {
  private readonly byStore = new Map<string, Map<string, RollupEntry>>();
  private readonly listeners = new Set<() => void>();

  apply(key: string, value: Uint8Array | undefined): void {
    const dot = key.indexOf('.');
    const store = key.slice(0, dot);
    const day = key.slice(dot + 1);
    const entry = value && value.length > 0 ? decode(value) : undefined;
    let days = this.byStore.get(store);
    if (!entry) {
      days?.delete(day);
    } else {
      if (!days) this.byStore.set(store, (days = new Map<string, RollupEntry>()));
      days.set(day, entry);
    }
    for (const l of this.listeners) l();
  }

  get(store: string, day: string): RollupEntry | undefined {
    return this.byStore.get(store)?.get(day);
  }

  stores(): string[] {
    return [...this.byStore.keys()].sort();
  }

  /** A store's days with a rollup, oldest first. */
  days(store: string): string[] {
    return [...(this.byStore.get(store)?.keys() ?? [])].sort();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Feeds the index from the bucket until `stop`; resolves once the current values are in. */
export async function watchRollups(
  kv: KV,
  index: RollupIndex,
  log: { warn(area: string, line: string): void; info(area: string, line: string): void },
): Promise<{ stop: () => Promise<void>; initial: Promise<void> }> {
  let markInitial: () => void = () => undefined;
  const initial = new Promise<void>((resolve) => (markInitial = resolve));
  // every current value again after a reopening: applying one twice changes nothing
  const follower = followForever(
    'the rollup watch',
    async () => {
      const iter = await kv.watch({ key: '>' });
      return Object.assign(iter, { end: () => iter.stop() });
    },
    (e) => {
      index.apply(e.key, e.operation === 'PUT' ? e.value : undefined);
      if (e.delta === 0) markInitial();
    },
    log,
  );
  // an empty bucket has nothing to deliver: its current values are in at once
  const status = await kv.status();
  if (status.values === 0) markInitial();
  return { stop: () => follower.stop(), initial };
}
