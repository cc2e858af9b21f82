/**
 * The store link's driver: feeds the link machine (src/domain/chain/link-state.ts) with the
 * store's durable events (the history past the cursor at start, oldest day first, then each
 * batch as the event files flush it) and performs what it decides: JetStream publishes, the
 * cursor file, its timer, the link report and the log lines. It runs beside the store's commit
 * path: a commit only hands it events after they are on disk, and nothing here is awaited there.
 */
import { fromPersisted, type PersistedCursor } from '../../domain/chain/link-cursor.ts';
import type { ChainLinkView } from '../../domain/chain/link-report.ts';
import {
  DEFAULT_LINK_OPTIONS,
  type LinkEffect,
  type LinkInput,
  type LinkItem,
  type LinkOptions,
} from '../../domain/chain/link-messages.ts';
import { LinkMachine } from '../../domain/chain/link-state.ts';
import { eventMsgId, eventsSubject, linkSubject } from '../../domain/chain/subjects.ts';
import { wallOf } from '../../domain/clock/hlc.ts';
import { dayKey } from '../../domain/queue/day.ts';
import type { StoreEvent } from '../../domain/queue/events.ts';
import type { Clock } from '../../sync/ports.ts';
import type { Logger } from '../log.ts';
import { readCursorFile, writeCursorFile } from './cursor-file.ts';
import { describeNote } from './link-notes.ts';

/** The store's history, day by day (EventFileStore). */
export interface LinkHistory {
  days(): Promise<string[]>;
  readDay(day: string): Promise<StoreEvent[]>;
}

/** Where events go: the chain's cluster (src/hub/chain/nats-connection.ts) or a test's. */
export interface LinkSink {
  publishEvent(subject: string, body: string, msgID: string, timeoutMs: number): Promise<void>;
  publishLive(subject: string, body: string): void;
}

export interface ChainLinkDeps {
  readonly store: string;
  readonly timeZone: string;
  readonly history: LinkHistory;
  readonly cursorFile: string;
  readonly clock: Clock;
  readonly log: Logger;
  readonly options?: Partial<LinkOptions>;
  /** Backlog days are read while fewer events than this wait (memory bound). */
  readonly readAheadEvents?: number;
}

export interface ChainLink {
  /** Events now on the store's disk (called after each flush). */
  committed(events: readonly StoreEvent[]): void;
  /** The connection to the cluster came up (with the sink to use) or went down. */
  connected(sink: LinkSink, server: string): void;
  disconnected(server: string): void;
  view(): ChainLinkView;
  /** Resolves once the history past the cursor has been read (tests, the log). */
  readonly scanned: Promise<void>;
  /** Resolves once every cursor write queued so far is on disk (tests wait on it, not time). */
  flushed(): Promise<void>;
  /** Writes the cursor one last time. */
  close(): Promise<void>;
}

interface Outgoing {
  readonly subject: string;
  readonly msgId: string;
  readonly body: string;
  readonly day: string;
}

const keyOf = (device: string, seq: number): string => `${device}\u0000${seq}`;

export async function startChainLink(deps: ChainLinkDeps): Promise<ChainLink> {
  const { store, clock, log } = deps;
  const opts: LinkOptions = { ...DEFAULT_LINK_OPTIONS, ...deps.options };
  const saved = await readCursorFile(deps.cursorFile);
  const machine = new LinkMachine(fromPersisted(saved.cursor), clock.now(), opts);
  const outgoing = new Map<string, Outgoing>();
  let sink: LinkSink | undefined;
  let server = '';
  let cancelWake: (() => void) | undefined;
  let closed = false;
  let scanning = true;
  let scanFrom = saved.scanFrom;
  let heldLive: StoreEvent[] = [];
  let writing: Promise<void> = Promise.resolve();
  let nextWrite: PersistedCursor | undefined;
  let progress: (() => void) | undefined;

  const persist = (cursor: PersistedCursor): void => {
    // the oldest day an unacknowledged event is on: a restart reads the history from there
    if (!scanning) {
      let oldest = dayKey(clock.now(), deps.timeZone);
      for (const o of outgoing.values()) if (o.day < oldest) oldest = o.day;
      scanFrom = oldest;
    }
    const first = nextWrite === undefined;
    nextWrite = cursor;
    if (!first) return; // a write is queued: it takes the newest cursor
    writing = writing.then(async () => {
      const c = nextWrite;
      nextWrite = undefined;
      if (!c) return;
      try {
        await writeCursorFile(deps.cursorFile, { cursor: c, ...(scanFrom ? { scanFrom } : {}) });
      } catch (err) {
        log.warn('chain', `cannot write the chain cursor: ${(err as Error).message}`);
      }
    });
  };

  const publish = (item: LinkItem): void => {
    const key = keyOf(item.device, item.seq);
    const o = outgoing.get(key);
    const s = sink;
    if (!o || !s)
      return feed({ kind: 'nack', device: item.device, seq: item.seq, reason: 'not connected' });
    s.publishEvent(o.subject, o.body, o.msgId, opts.ackTimeoutMs).then(
      () => {
        outgoing.delete(key);
        feed({ kind: 'ack', device: item.device, seq: item.seq });
      },
      (err: unknown) =>
        feed({ kind: 'nack', device: item.device, seq: item.seq, reason: (err as Error).message }),
    );
  };

  const perform = (e: LinkEffect): void => {
    switch (e.kind) {
      case 'publish':
        return publish(e.item);
      case 'persist':
        return persist(e.cursor);
      case 'wake':
        cancelWake?.();
        cancelWake = clock.after(Math.max(0, e.at - clock.now()), () => feed({ kind: 'tick' }));
        return;
      case 'report':
        sink?.publishLive(linkSubject(store), JSON.stringify(e.report));
        return;
      case 'note':
        return describeNote(e, server, log);
    }
  };

  function feed(input: LinkInput): void {
    if (closed) return;
    for (const e of machine.handle(input, clock.now())) perform(e);
    if (progress && machine.waiting < (deps.readAheadEvents ?? 20_000)) progress();
  }

  const enqueue = (events: readonly StoreEvent[]): void => {
    const items: LinkItem[] = [];
    for (const e of events) {
      if (machine.isCovered(e.device, e.seq)) continue;
      const at = wallOf(e.hlc);
      const day = dayKey(at, deps.timeZone);
      outgoing.set(keyOf(e.device, e.seq), {
        subject: eventsSubject(store, day),
        msgId: eventMsgId(store, e.device, e.seq),
        body: JSON.stringify(e),
        day,
      });
      items.push({ device: e.device, seq: e.seq, at });
    }
    if (items.length > 0) feed({ kind: 'committed', items });
  };

  const roomToRead = (): Promise<void> =>
    machine.waiting < (deps.readAheadEvents ?? 20_000)
      ? Promise.resolve()
      : new Promise((resolve) => (progress = () => ((progress = undefined), resolve())));

  const scan = async (): Promise<void> => {
    const days = (await deps.history.days()).filter((d) => scanFrom === undefined || d >= scanFrom);
    for (const day of days) {
      await roomToRead();
      if (closed) return;
      enqueue(await deps.history.readDay(day));
    }
    scanning = false;
    // what was flushed while the history was read is in those days, or here: either way once
    enqueue(heldLive);
    heldLive = [];
    if (machine.waiting > 0) log.info('chain', `${machine.waiting} events to send to the chain`);
  };
  const scanned = scan().catch((err: unknown) => {
    log.error('chain', `cannot read the history for the chain: ${(err as Error).message}`);
    scanning = false;
    enqueue(heldLive);
    heldLive = [];
  });
  feed({ kind: 'tick' });

  return {
    committed(events) {
      if (scanning) heldLive.push(...events);
      else enqueue(events);
    },
    connected(s, at) {
      sink = s;
      server = at;
      feed({ kind: 'connected' });
    },
    disconnected(at) {
      server = at;
      feed({ kind: 'disconnected' });
      sink = undefined;
    },
    view: () => ({ enabled: true, ...machine.report(clock.now()) }),
    scanned,
    flushed: () => writing,
    async close() {
      const last = machine.handle({ kind: 'tick' }, clock.now() + opts.persistDelayMs);
      closed = true;
      cancelWake?.();
      progress?.();
      for (const e of last) if (e.kind === 'persist') persist(e.cursor);
      await writing;
    },
  };
}
