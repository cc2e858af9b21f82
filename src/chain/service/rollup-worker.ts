/**
 * The chain service's share of the work: a durable pull consumer (SERVICE_CONSUMER) on every
 * store's events, shared by every instance, so each event reaches one live instance and, if that
 * one dies before acknowledging, another. An event only says "this store-day changed": the
 * store-day's rollup is rebuilt from all of its events (debounced), written, and only then are
 * the events that asked for it acknowledged. Redelivery or two instances on one store-day
 * rebuild the same record; nothing is counted twice.
 */
import {
  AckPolicy,
  DeliverPolicy,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from '@nats-io/jetstream';
import { buildRollupRecord } from '../../domain/chain/rollup-record.ts';
import {
  EVENTS_STREAM,
  SERVICE_CONSUMER,
  eventsFilter,
  parseEventsSubject,
} from '../../domain/chain/subjects.ts';
import { addDays } from '../../domain/reports/request.ts';
import type { Logger } from '../../hub/log.ts';
import type { DayReader } from './day-reader.ts';
import type { RollupBucket } from './rollup-bucket.ts';

export interface RollupWorkerOptions {
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly reader: DayReader;
  readonly bucket: RollupBucket;
  readonly timeZoneOf: (store: string) => string;
  readonly log: Logger;
  /** Events of one store-day this close together make one rebuild (ms). Default 250. */
  readonly debounceMs?: number;
  /** How long JetStream waits for an acknowledgement before redelivering (ms). Default 15 s. */
  readonly ackWaitMs?: number;
  readonly now?: () => number;
}

export interface RollupWorker {
  /** Store-day rebuilds written so far by this instance. */
  readonly rebuilds: () => number;
  stop(): Promise<void>;
}

const NANOS_PER_MS = 1_000_000;

/** The shared durable consumer, created by the first instance; later ones bind to it. */
export async function ensureServiceConsumer(jsm: JetStreamManager, ackWaitMs = 15_000) {
  const exists = await jsm.consumers.info(EVENTS_STREAM, SERVICE_CONSUMER).then(
    () => true,
    () => false,
  );
  if (exists) return;
  await jsm.consumers.add(EVENTS_STREAM, {
    durable_name: SERVICE_CONSUMER,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: eventsFilter(),
    ack_wait: ackWaitMs * NANOS_PER_MS,
    max_ack_pending: 50_000,
  });
}

interface Pending {
  msgs: JsMsg[];
  timer?: ReturnType<typeof setTimeout>;
  running: boolean;
  /** A rebuild was asked for while one ran: run again after it. */
  again: boolean;
}

export async function startRollupWorker(opts: RollupWorkerOptions): Promise<RollupWorker> {
  const { log } = opts;
  const debounceMs = opts.debounceMs ?? 250;
  const now = opts.now ?? Date.now;
  await ensureServiceConsumer(opts.jsm, opts.ackWaitMs);
  const consumer = await opts.js.consumers.get(EVENTS_STREAM, SERVICE_CONSUMER);
  const pending = new Map<string, Pending>();
  const running = new Set<Promise<void>>();
  let rebuilds = 0;
  let stopped = false;

  const schedule = (store: string, day: string, msg?: JsMsg) => {
    const key = `${store}\u0000${day}`;
    let p = pending.get(key);
    if (!p) pending.set(key, (p = { msgs: [], running: false, again: false }));
    if (msg) p.msgs.push(msg);
    if (p.running) p.again = true;
    else p.timer ??= setTimeout(() => track(rebuild(store, day, key)), debounceMs);
  };
  const track = (work: Promise<void>) => {
    running.add(work);
    void work.finally(() => running.delete(work));
  };

  async function rebuild(store: string, day: string, key: string): Promise<void> {
    const p = pending.get(key)!;
    delete p.timer;
    p.running = true;
    const msgs = p.msgs;
    p.msgs = [];
    try {
      const read = await opts.reader.read(store, day);
      const record = await buildRollupRecord({
        store,
        day,
        timeZone: opts.timeZoneOf(store),
        events: read.events,
        nextDay: async () => (await opts.reader.read(store, addDays(day, 1))).events,
        asOf: read.asOf,
        now: now(),
      });
      if (read.rejected > 0) log.warn('chain', `${store} ${day}: ${read.rejected} invalid events`);
      if (await opts.bucket.write(record)) rebuilds++;
      // every message here was stored before the read began: the record holds it
      for (const m of msgs) m.ack();
      await previousDay(store, day, record.asOf);
    } catch (err) {
      if (!stopped) log.error('chain', `${store} ${day}: rollup failed: ${(err as Error).message}`);
      for (const m of msgs) m.nak(1000);
    } finally {
      p.running = false;
      if (p.again && !stopped) {
        p.again = false;
        schedule(store, day);
      } else if (p.msgs.length === 0) pending.delete(key);
    }
  }

  /** The day before may wait for this day's events to finish its tickets: rebuild it too. */
  async function previousDay(store: string, day: string, asOf: number): Promise<void> {
    const before = await opts.bucket.read(store, addDays(day, -1));
    if (before?.rollup.needsNextDay && before.record.asOf < asOf) {
      schedule(store, addDays(day, -1));
    }
  }

  const messages: ConsumerMessages = await consumer.consume({ max_messages: 1000 });
  const loop = (async () => {
    for await (const m of messages) {
      const at = parseEventsSubject(m.subject);
      if (!at) m.term();
      else schedule(at.store, at.day, m);
    }
  })();

  return {
    rebuilds: () => rebuilds,
    async stop() {
      stopped = true;
      await messages.close();
      await loop;
      for (const p of pending.values()) if (p.timer) clearTimeout(p.timer);
      await Promise.allSettled([...running]);
      // whatever was not acknowledged goes to another instance after the ack wait
    },
  };
}
