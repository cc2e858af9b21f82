import { tick } from '../domain/clock/hlc.ts';
import type { CommandResult } from '../domain/queue/commands.ts';
import type { StoreEvent } from '../domain/queue/events.ts';
import type { QueueState } from '../domain/queue/state.ts';
import { LogCore } from '../domain/sync/log-core.ts';
import {
  FIRST_CONTACT_MS,
  initialFreshness,
  nextFreshness,
  type Freshness,
  type FreshnessInput,
} from '../domain/sync/protocol/freshness.ts';
import * as outbox from '../domain/sync/protocol/outbox.ts';
import { policyFor } from '../domain/sync/protocol/policy.ts';
import {
  ANTI_ENTROPY_MS,
  WARM_DAY_EVERY_MS,
  WARM_DAY_KEEP_MS,
} from '../domain/sync/protocol/timing.ts';
import { initialPeers } from '../domain/sync/protocol/vectors.ts';
import type { ConnectionState, LoadedLog, StartRead } from './ports.ts';
import { describe } from './publisher.ts';
import type { ReplicaHost, ReplicaOptions } from './replica-host.ts';
import type { Receiver } from './replica-inbound.ts';
import { Sender } from './replica-sender.ts';
import { Timers } from './timers.ts';
import { isSyncTopic, topics } from './topics.ts';

export type { ReplicaOptions } from './replica-host.ts';
// the timing constants, for bounds in tests (src/sync/simulation/simulation.test.ts)
export * from '../domain/sync/protocol/timing.ts';
export { isAgent } from '../domain/sync/protocol/policy.ts';

export type LocalOutcome =
  | { ok: true; event: StoreEvent }
  | { ok: false; error: Extract<CommandResult, { ok: false }>['error'] | 'storageFailed' };

/** A failed read of the stored events after a resumed start is tried again this much later. */
const REST_RETRY_MS = 5_000;

/**
 * The receiving half (replica-inbound.ts and the message checks it needs) is loaded apart: a
 * kiosk's first screen needs none of it. Once loaded, later replicas of the page (or the hub's
 * process) wire at once: the class is kept beside the promise because awaiting even a settled
 * promise would leave a replica opened after the load unconnected when `open` returns.
 */
let loadedReceiver: typeof Receiver | undefined;
let receiverCode: Promise<typeof Receiver> | undefined;

function loadReceiver(): Promise<typeof Receiver> {
  receiverCode ??= import('./replica-inbound.ts').then(
    (m) => (loadedReceiver = m.Receiver),
    (err: unknown) => {
      receiverCode = undefined; // tried again next time
      throw err;
    },
  );
  return receiverCode;
}

/**
 * Owns the replica's driver: the public face the apps and the hub use, and the I/O the pure
 * protocol asks for. The log core (src/domain/sync/log-core.ts, remote-batch.ts) and the
 * protocol steps (src/domain/sync/protocol/) decide; this class stores through ReplicaStorage,
 * publishes through the Transport and keeps time and timers through the Clock, one change at
 * a time, so state is never read half-written.
 */
export class Replica {
  readonly device: string;
  version = 0;

  private readonly h: ReplicaHost;
  private readonly sender: Sender;
  /** Absent until wired: only the receiver hears peers, so nothing needs it before. */
  private receiver: Receiver | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private refoldMs = 0;
  /** The state last kept for the next start, or resumed from, and when it was last written. */
  private kept: QueueState | undefined;
  private keptAt = -Infinity;
  private rest: Promise<void> | undefined;
  /** What a start without a kept day read and folded, until loadRest takes it into the log. */
  private readAhead: LoadedLog | undefined;
  private markLoaded: () => void = () => undefined;
  /**
   * Settles once every stored event is in the log: at once, unless the start was partial (it
   * resumed today's kept state, or a device's start folded what it read); then after
   * `restAfter`. Until then `events()` and the vector are partial.
   */
  readonly loaded = new Promise<void>((resolve) => (this.markLoaded = resolve));
  private markWired: () => void = () => undefined;
  /**
   * Settles once the replica listens to its transport (or was closed first): before `open`
   * resolves when it has no `restAfter` and resumed no kept day; else after `loaded`. Until
   * then peers' messages are not heard (nor lost: see wire).
   */
  readonly wired = new Promise<void>((resolve) => (this.markWired = resolve));
  /** Started from today's kept state (domain/sync/warm-day.ts). */
  resumed = false;
  /** How many events stored after the kept day the start folded on it. */
  foldedOn = 0;
  private closed = false;
  private readonly listeners = new Set<() => void>();
  private readonly eventListeners = new Set<(events: readonly StoreEvent[]) => void>();
  private config: ReplicaOptions['config'];
  private fresh: Freshness;

  private constructor(private readonly opts: ReplicaOptions) {
    this.config = opts.config;
    this.device = opts.device;
    const policy = policyFor(opts.role);
    this.fresh = initialFreshness(policy.role);
    const { root, timeZone, keepDays } = opts;
    this.h = {
      opts,
      core: new LogCore(opts.device, root.store, timeZone, keepDays ?? 2, policy),
      policy,
      timers: new Timers(opts.clock),
      box: outbox.outboxOf([]),
      peers: initialPeers,
      closed: () => this.closed,
      now: () => this.now(),
      antiEntropyMs: () => opts.antiEntropyMs ?? ANTI_ENTROPY_MS,
      config: () => this.config,
      enqueue: (task) => this.enqueue(task),
      changed: () => this.changed(),
      emitEvents: (events) => this.emitEvents(events),
      rollDay: () => this.rollDay(),
      refold: () => this.refold(),
      afterApply: (applied) => this.afterApply(applied),
      noteFreshness: (input) => this.noteFreshness(input),
    };
    this.sender = new Sender(this.h);
  }

  static async open(opts: ReplicaOptions): Promise<Replica> {
    const r = new Replica(opts);
    r.resumed = await r.resume();
    // a device's first screen waits for today's state only: the log comes after it
    if (!r.resumed && opts.restAfter) await r.foldStart();
    if (r.h.core.partial) {
      // the day's events come in once `restAfter` settles; the wire waits for them
      const rest = (): Promise<void> => r.enqueue(() => r.loadRest());
      void (opts.restAfter ?? Promise.resolve()).then(rest, rest);
      void r.loaded.then(() => r.wireSoon());
    } else {
      // the hub and tests open loaded and wired
      await r.load();
      await r.wireSoon();
    }
    return r;
  }

  /** Today's queue: a new object per change, never changed in place. */
  get state(): QueueState {
    return this.h.core.state;
  }

  get connection(): ConnectionState {
    return this.opts.transport.state;
  }

  /**
   * Whether this device's view is the store's (src/domain/sync/protocol/freshness.ts): right
   * after a start or a reconnection it is not, until the agent's catch-up is in.
   */
  get freshness(): Freshness {
    return this.fresh;
  }

  /** Own events not yet in the hub's durable history. */
  get pending(): number {
    return this.h.box.ids.length;
  }

  get eventCount(): number {
    return this.h.core.log.size;
  }

  /** Our clock as corrected by the agent's, when ours is off. */
  now(): number {
    return this.opts.clock.now() + this.h.peers.offset;
  }

  /** How far off our own clock is from the agent's (0 when within tolerance). */
  get clockOffsetMs(): number {
    return this.h.peers.offset;
  }

  vector(): Record<string, number> {
    return this.h.core.log.vector();
  }

  /** Events held in memory, in log order (for export and tests). */
  events(): StoreEvent[] {
    return this.h.core.log.all();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Events newly added to the log, local and remote, right after they were committed and
   * applied (e.g. to feed the wait-time estimator). What was loaded at start is `events()`.
   */
  subscribeEvents(listener: (events: readonly StoreEvent[]) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /**
   * The time (ms) an event written now would carry: the corrected clock, or later when a
   * peer's clock ahead of ours moved the hybrid clock on. Rules that compare with the times of
   * our own events (a kiosk's rate limit) must use this, not the device's clock.
   */
  eventTime(): number {
    return tick(this.h.core.hlc, this.now()).wall;
  }

  /**
   * Decides and commits one local change; serialized with every other change. `at` is the
   * time the event will carry (see eventTime).
   */
  run(decide: (state: QueueState, at: number) => CommandResult): Promise<LocalOutcome> {
    return this.enqueue(async () => {
      const rolled = await this.rollDay();
      if (this.h.core.stale && !rolled) this.refold();
      const decided = this.h.core.decide(decide, this.now());
      if (!decided.ok) return decided.result;
      const { event, hlc } = decided;
      try {
        await this.opts.storage.appendLocal(event);
      } catch (err) {
        this.opts.onRejected?.(`local storage failed: ${describe(err)}`);
        return { ok: false, error: 'storageFailed' } as const;
      }
      // moved only after the commit: a failed write never advances the clock
      const effects = this.sender.feed({ kind: 'committed', id: event.id });
      this.afterApply(this.h.core.committedLocal(event, hlc, this.now()));
      this.changed();
      this.emitEvents([event]);
      // Sent in the next task, so the kiosk shows the number first: the event is durable in
      // the outbox already, and encoding and writing it to the wire took ~10 ms of a tap at 4x
      // CPU. Commits within one task share the one send (a send drains the whole outbox).
      this.h.timers.once('sendCommitted', 0, () => this.sender.perform(effects));
      return { ok: true, event } as const;
    });
  }

  /**
   * The store's settings changed while running (src/hub/settings-api.ts): the ticket checks
   * judge against the new services from now on.
   */
  setConfig(config: NonNullable<ReplicaOptions['config']>): void {
    this.config = config;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.markWired();
    this.h.timers.cancelAll();
    await this.queue.catch(() => undefined);
  }

  private async load(): Promise<void> {
    const loaded = await this.opts.storage.load(this.h.core.since(this.now()));
    this.h.core.load(loaded.events, loaded.floors);
    this.sender.feed({ kind: 'loaded', ids: loaded.outbox });
    await this.compact();
    this.refold();
    this.markLoaded();
    this.keepDaySoon();
  }

  /**
   * A start from today's kept state (domain/sync/warm-day.ts) when storage still holds the
   * events it was folded from: the state and the outbox now, the events in loadRest.
   */
  private async resume(): Promise<boolean> {
    const { storage } = this.opts;
    if (!storage.loadStart || !storage.keepDay) return false;
    const now = this.now();
    let start: StartRead;
    try {
      start = await storage.loadStart(this.h.core.since(now));
    } catch {
      return false; // the whole load tells what failed
    }
    if (!this.h.core.resumeDay(start.warm, start, now)) return false;
    this.sender.feed({ kind: 'loaded', ids: start.outbox });
    this.foldedOn = start.newer?.length ?? 0;
    // what is kept on disk, unless events were folded on it: then it is kept again once it can
    if (this.foldedOn === 0) this.kept = this.h.core.state;
    return true;
  }

  /**
   * A start without a kept day that may show its first screen before the log is in (a
   * device's): today's state folded from what storage holds, the events kept for loadRest.
   */
  private async foldStart(): Promise<void> {
    const loaded = await this.opts.storage.load(this.h.core.since(this.now()));
    const started = performance.now();
    this.h.core.foldRead(loaded.events, loaded.floors, new Set(loaded.outbox), this.now());
    this.refoldMs = performance.now() - started;
    this.sender.feed({ kind: 'loaded', ids: loaded.outbox });
    this.readAhead = loaded;
  }

  /**
   * After a partial start: the stored events, into the log (once; again after a failure). A
   * start that folded what it read takes in those events; one resumed reads them now.
   */
  private loadRest(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.rest ??= (async () => {
      const loaded =
        this.readAhead ?? (await this.opts.storage.load(this.h.core.since(this.now())));
      this.readAhead = undefined;
      this.h.core.load(loaded.events, loaded.floors);
      await this.compact();
      this.markLoaded();
      this.keepDaySoon(); // taps meanwhile changed the state while it could not be kept
    })().catch((err: unknown) => {
      this.rest = undefined;
      this.opts.onRejected?.(`reading the stored events failed: ${describe(err)}`);
      this.h.timers.once('loadRest', REST_RETRY_MS, () => void this.enqueue(() => this.loadRest()));
    });
    return this.rest;
  }

  /**
   * Keeps today's state for the next start (domain/sync/warm-day.ts) a while after it changed,
   * at most once a minute, between two changes: storage copies it before another change can
   * commit.
   */
  private keepDaySoon(): void {
    const { storage } = this.opts;
    if (!storage.keepDay || this.closed || this.h.core.state === this.kept) return;
    const gap = this.keptAt + WARM_DAY_EVERY_MS - this.opts.clock.now();
    this.h.timers.once('keepDay', Math.max(WARM_DAY_KEEP_MS, gap), () => {
      void this.enqueue(() => {
        const day = this.closed ? undefined : this.h.core.keepDay(this.now());
        if (!day || day.state === this.kept) return Promise.resolve();
        this.kept = day.state;
        this.keptAt = this.opts.clock.now();
        // not awaited: no change need wait for this write
        storage.keepDay?.(day).catch((err: unknown) => {
          this.kept = undefined;
          this.opts.onRejected?.(`keeping today's state failed: ${describe(err)}`);
        });
        return Promise.resolve();
      });
    });
  }

  /**
   * Wires once the receiver's code is in (at once when it already is); a failed load is tried
   * again a while later.
   */
  private async wireSoon(): Promise<void> {
    if (this.closed) return;
    try {
      const Loaded = loadedReceiver ?? (await loadReceiver());
      if (!this.closed) this.wire(new Loaded(this.h, this.sender));
    } catch (err) {
      this.opts.onRejected?.(`loading the sync receiver failed: ${describe(err)}`);
      this.h.timers.once('wire', REST_RETRY_MS, () => void this.wireSoon());
    }
  }

  /**
   * Listens to peers through `receiver`. What they sent before is not lost: the subscription
   * is followed by an announcement of our vector, and they answer with what we lack.
   */
  private wire(receiver: Receiver): void {
    const { transport, root } = this.opts;
    this.receiver = receiver;
    transport.onMessage((topic, payload, bytes) => {
      if (!isSyncTopic(root, topic) || this.closed) return;
      receiver.receive(topic, payload, bytes);
    });
    // going online announces with our subscription in place (a transport renews its
    // subscriptions first, and one asked for earlier went to the broker before the announcement)
    let announcedOnline = false;
    transport.onStateChange((s) => {
      this.connectionChanged(s);
      this.changed();
      if (s === 'online') {
        const effects = this.sender.feed({ kind: 'connected' });
        this.sender.announce();
        announcedOnline = true;
        this.sender.perform(effects);
      }
    });
    this.h.timers.restart('antiEntropy', this.h.antiEntropyMs(), () => this.antiEntropyTick());
    this.connectionChanged('started');
    this.connectionChanged(transport.state);
    void transport
      .subscribe(topics.syncFor(root, this.device))
      .then(() => {
        if (transport.state === 'online') {
          // already online before we subscribed: nobody announced yet
          if (!announcedOnline) this.sender.announce();
          this.sender.drain();
        }
      })
      .catch((err: unknown) => {
        this.opts.onRejected?.(`subscribe failed: ${describe(err)}`);
      });
    this.markWired();
  }

  private antiEntropyTick(): void {
    if (this.closed) return;
    void this.enqueue(async () => {
      if (await this.rollDay()) this.changed();
    });
    if (this.opts.transport.state === 'online') {
      if (this.h.policy.onTick === 'announce') this.sender.announce();
      else this.sender.askForMissing();
      this.sender.drain();
    }
    this.h.timers.restart('antiEntropy', this.h.antiEntropyMs(), () => this.antiEntropyTick());
  }

  /**
   * The start and each connection give the hub FIRST_CONTACT_MS to say what it holds. Steps
   * the freshness without telling listeners: the caller does, once for both changes.
   */
  private connectionChanged(s: ConnectionState | 'started'): void {
    if (s === 'connecting' || this.h.policy.role === 'agent') return;
    if (s === 'started' || s === 'online') {
      this.h.timers.restart('firstContact', FIRST_CONTACT_MS, () =>
        this.noteFreshness({ kind: 'noContact' }),
      );
    }
    if (s !== 'started') this.fresh = nextFreshness(this.fresh, { kind: s });
  }

  private noteFreshness(input: FreshnessInput): void {
    if (this.h.policy.role === 'agent') return;
    const next = nextFreshness(this.fresh, input);
    if (next === this.fresh) return;
    this.fresh = next;
    this.changed();
  }

  /** Behind what the agent last said it holds, or with events not yet folded into the state. */
  private behindAgent(): boolean {
    const said = this.h.peers.agentSaid;
    // only the receiver hears the agent: without it, `said` is unset
    return said === undefined || (this.receiver?.behind(said.vector) ?? true);
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private changed(): void {
    if (this.fresh === 'catchingUp') {
      this.fresh = nextFreshness(this.fresh, { kind: 'progress', behind: this.behindAgent() });
    }
    this.version++;
    for (const l of this.listeners) l();
    this.keepDaySoon();
  }

  private emitEvents(events: readonly StoreEvent[]): void {
    for (const l of this.eventListeners) {
      try {
        l(events);
      } catch (err) {
        this.opts.onRejected?.(`an event listener failed: ${describe(err)}`);
      }
    }
  }

  /** The live queue is today's; at midnight it starts afresh and old days are compacted. */
  private async rollDay(): Promise<boolean> {
    if (!this.h.core.dayChanged(this.now())) return false;
    // compaction and the new day's fold need every stored event
    if (this.h.core.partial) await this.loadRest();
    if (this.h.core.partial) return false;
    await this.compact();
    this.refold();
    return true;
  }

  private async compact(): Promise<void> {
    const plan = this.h.core.compact(this.now(), this.h.box.ids);
    if (!plan) return;
    try {
      await this.opts.storage.compact(plan.before, plan.floors, plan.summaries);
    } catch (err) {
      // the events stay on disk; compaction is tried again at the next day change
      this.opts.onRejected?.(`compacting old days failed: ${describe(err)}`);
    }
  }

  private refold(): void {
    const started = performance.now();
    this.h.timers.cancel('refold');
    this.h.core.refold(this.now());
    this.refoldMs = performance.now() - started;
  }

  /**
   * Events older than the last applied one need the day folded again. A catch-up brings
   * thousands of them in many messages, each reaching back in time: folding the day again
   * for each message made catching up quadratic in the day's size. One refold is due at most
   * a few refold-durations later instead (and at once before a local decision), so the cost
   * stays a bounded share of the time.
   */
  private afterApply(applied: 'applied' | 'refold' | 'stale'): void {
    if (applied !== 'stale') return;
    this.h.timers.once('refold', Math.max(20, 3 * this.refoldMs), () => {
      void this.enqueue(() => {
        if (this.h.core.stale && !this.closed) {
          this.refold();
          this.changed();
        }
        return Promise.resolve();
      });
    });
  }
}
