import type { StoreConfig } from '../domain/config/types.ts';
import { tick } from '../domain/clock/hlc.ts';
import type { CommandResult } from '../domain/queue/commands.ts';
import type { StoreEvent } from '../domain/queue/events.ts';
import type { QueueState } from '../domain/queue/state.ts';
import {
  answerDelay,
  CATCH_UP_LIMITS,
  type CatchUpBudget,
  type CatchUpLimits,
} from '../domain/sync/catch-up.ts';
import { LogCore } from '../domain/sync/log-core.ts';
import {
  FUTURE_SKEW_MS,
  noteContact,
  PAST_SKEW_MS,
  type ContactBook,
} from '../domain/sync/plausibility.ts';
import { planAnswer } from '../domain/sync/protocol/answer.ts';
import * as outbox from '../domain/sync/protocol/outbox.ts';
import { policyFor, type ReplicaPolicy } from '../domain/sync/protocol/policy.ts';
import {
  ACK_DELAY_MS,
  ANNOUNCE_DELAY_MS,
  ANTI_ENTROPY_MS,
  CHUNK,
} from '../domain/sync/protocol/timing.ts';
import {
  askDelay,
  initialPeers,
  onVector,
  reportSkew,
  type Effect,
  type PeerState,
} from '../domain/sync/protocol/vectors.ts';
import { freshOf, judgeFresh, takeJudged } from '../domain/sync/remote-batch.ts';
import { readInbound, type Inbound } from './inbound.ts';
import type { Clock, ConnectionState, ReplicaStorage, Transport } from './ports.ts';
import { describe, publishEvents, publishVector } from './publisher.ts';
import { Timers } from './timers.ts';
import { isSyncTopic, topics, type TopicRoot } from './topics.ts';

export {
  ACK_DELAY_MS,
  ANNOUNCE_DELAY_MS,
  ANSWER_DELAY_MS,
  ANTI_ENTROPY_MS,
  CATCH_UP_QUIET_MS,
} from '../domain/sync/protocol/timing.ts';
export { isAgent } from '../domain/sync/protocol/policy.ts';

/**
 * Owns the replica's driver: the public face the apps and the hub use, and the I/O the pure
 * protocol asks for. The log core (src/domain/sync/log-core.ts, remote-batch.ts) and the
 * protocol steps (src/domain/sync/protocol/) decide; this class stores through ReplicaStorage,
 * publishes through the Transport and keeps time and timers through the Clock, one change at
 * a time, so state is never read half-written.
 */
export interface ReplicaOptions {
  readonly root: TopicRoot;
  readonly device: string;
  readonly timeZone: string;
  readonly storage: ReplicaStorage;
  readonly transport: Transport;
  readonly clock: Clock;
  /**
   * The hub's agent keeps the durable history: it answers catch-up at once, and its vector
   * is what takes a device's event out of the outbox. Devices help each other more slowly.
   */
  readonly role?: 'agent' | 'device';
  /** How often the version vector is announced while online (anti-entropy). */
  readonly antiEntropyMs?: number;
  /** Store days kept in memory and local storage (today and the day before by default). */
  readonly keepDays?: number;
  /** A clock this far ahead of ours is wrong: reported, and its events refused. */
  readonly maxDriftMs?: number;
  /**
   * The store's configuration, for the ticket checks that need it (services, kiosks' ranges,
   * the kiosk's rate limit: src/domain/sync/plausibility.ts). Without it those are skipped.
   */
  readonly config?: Pick<StoreConfig, 'services' | 'kiosks' | 'kiosk'>;
  /** The agent's catch-up budget per device (src/domain/sync/catch-up.ts). */
  readonly catchUp?: CatchUpLimits;
  readonly onRejected?: (reason: string) => void;
  /** A device's clock is off by `driftMs` (positive: ahead of ours). */
  readonly onClockSkew?: (device: string, driftMs: number) => void;
  /** Called after events from peers were committed and applied. */
  readonly onRemoteApplied?: (events: readonly StoreEvent[]) => void;
}

export type LocalOutcome =
  | { ok: true; event: StoreEvent }
  | { ok: false; error: Extract<CommandResult, { ok: false }>['error'] | 'storageFailed' };

export class Replica {
  readonly device: string;
  version = 0;

  private readonly core: LogCore;
  private readonly policy: ReplicaPolicy;
  private readonly timers: Timers;
  private box = outbox.outboxOf([]);
  private peers: PeerState = initialPeers;
  /** When each peer was last heard holding how many of its own events (plausibility). */
  private readonly contacts: ContactBook = new Map();
  /** The agent's catch-up budget per asking device. */
  private readonly budgets = new Map<string, CatchUpBudget>();
  private queue: Promise<unknown> = Promise.resolve();
  private draining = false;
  private refoldMs = 0;
  private closed = false;
  private readonly listeners = new Set<() => void>();
  private readonly eventListeners = new Set<(events: readonly StoreEvent[]) => void>();
  private config: ReplicaOptions['config'];

  private constructor(private readonly opts: ReplicaOptions) {
    this.config = opts.config;
    this.device = opts.device;
    this.policy = policyFor(opts.role);
    this.timers = new Timers(opts.clock);
    const { root, timeZone, keepDays } = opts;
    this.core = new LogCore(opts.device, root.store, timeZone, keepDays ?? 2, this.policy);
  }

  static async open(opts: ReplicaOptions): Promise<Replica> {
    const r = new Replica(opts);
    await r.load();
    r.wire();
    return r;
  }

  /** Today's queue: a new object per change, never changed in place. */
  get state(): QueueState {
    return this.core.state;
  }

  get connection(): ConnectionState {
    return this.opts.transport.state;
  }

  /** Own events not yet in the hub's durable history. */
  get pending(): number {
    return this.box.ids.length;
  }

  get eventCount(): number {
    return this.core.log.size;
  }

  /** Our clock as corrected by the agent's, when ours is off. */
  now(): number {
    return this.opts.clock.now() + this.peers.offset;
  }

  /** How far off our own clock is from the agent's (0 when within tolerance). */
  get clockOffsetMs(): number {
    return this.peers.offset;
  }

  vector(): Record<string, number> {
    return this.core.log.vector();
  }

  /** Events held in memory, in log order (for export and tests). */
  events(): StoreEvent[] {
    return this.core.log.all();
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
    return tick(this.core.hlc, this.now()).wall;
  }

  /**
   * Decides and commits one local change; serialized with every other change. `at` is the
   * time the event will carry (see eventTime).
   */
  run(decide: (state: QueueState, at: number) => CommandResult): Promise<LocalOutcome> {
    return this.enqueue(async () => {
      const rolled = await this.rollDay();
      if (this.core.stale && !rolled) this.refold();
      const decided = this.core.decide(decide, this.now());
      if (!decided.ok) return decided.result;
      const { event, hlc } = decided;
      try {
        await this.opts.storage.appendLocal(event);
      } catch (err) {
        this.opts.onRejected?.(`local storage failed: ${describe(err)}`);
        return { ok: false, error: 'storageFailed' } as const;
      }
      // moved only after the commit: a failed write never advances the clock
      this.box = outbox.committed(this.box, event.id);
      this.afterApply(this.core.committedLocal(event, hlc, this.now()));
      this.changed();
      this.emitEvents([event]);
      this.drain();
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
    this.timers.cancelAll();
    await this.queue.catch(() => undefined);
  }

  private async load(): Promise<void> {
    const loaded = await this.opts.storage.load(this.core.since(this.now()));
    this.core.load(loaded.events, loaded.floors);
    this.box = outbox.outboxOf(loaded.outbox);
    await this.compact();
    this.refold();
  }

  private wire(): void {
    const { transport, root } = this.opts;
    transport.onMessage((topic, payload, bytes) => {
      if (!isSyncTopic(root, topic) || this.closed) return;
      this.receive(topic, payload, bytes);
    });
    transport.onStateChange((s) => {
      this.changed();
      if (s === 'online') {
        this.box = outbox.reconnected(this.box);
        this.announce();
        this.drain();
      }
    });
    this.timers.restart('antiEntropy', this.antiEntropyMs(), () => this.antiEntropyTick());
    void transport
      .subscribe(topics.syncFor(root, this.device))
      .then(() => {
        if (transport.state === 'online') {
          this.announce();
          this.drain();
        }
      })
      .catch((err: unknown) => {
        this.opts.onRejected?.(`subscribe failed: ${describe(err)}`);
      });
  }

  private antiEntropyMs(): number {
    return this.opts.antiEntropyMs ?? ANTI_ENTROPY_MS;
  }

  private antiEntropyTick(): void {
    if (this.closed) return;
    void this.enqueue(async () => {
      if (await this.rollDay()) this.changed();
    });
    if (this.opts.transport.state === 'online') {
      if (this.policy.onTick === 'announce') this.announce();
      else this.askForMissing();
      this.drain();
    }
    this.timers.restart('antiEntropy', this.antiEntropyMs(), () => this.antiEntropyTick());
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
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
    if (!this.core.dayChanged(this.now())) return false;
    await this.compact();
    this.refold();
    return true;
  }

  private async compact(): Promise<void> {
    const plan = this.core.compact(this.now(), this.box.ids);
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
    this.timers.cancel('refold');
    this.core.refold(this.now());
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
    this.timers.once('refold', Math.max(20, 3 * this.refoldMs), () => {
      void this.enqueue(() => {
        if (this.core.stale && !this.closed) {
          this.refold();
          this.changed();
        }
        return Promise.resolve();
      });
    });
  }

  private receive(topic: string, payload: string, bytes: number): void {
    const { message, rejected } = readInbound(this.opts.root, this.device, topic, payload, bytes);
    for (const reason of rejected) this.opts.onRejected?.(reason);
    if (!message) return;
    if (message.kind === 'vector') return this.onVector(message);
    const { events, floors } = message;
    if (events.length > 0) this.peers = { ...this.peers, lastEventsAt: this.opts.clock.now() };
    if (events.length > 0 || Object.keys(floors).length > 0) {
      void this.enqueue(() => this.applyRemote(events, floors));
    }
  }

  private async applyRemote(batch: StoreEvent[], floors: Record<string, number>): Promise<void> {
    const fresh = freshOf(this.core, batch, floors, this.now());
    if (fresh.length === 0) {
      // a resend of what we hold: the sender's acknowledgement was lost, so say it again
      if (this.policy.acknowledges) this.scheduleAnnounce(ACK_DELAY_MS);
      return;
    }
    await this.rollDay();
    if (this.core.stale && this.policy.refoldsAtOnce) this.refold();
    const now = this.now();
    const maxDriftMs = this.opts.maxDriftMs ?? FUTURE_SKEW_MS;
    const rules = { pastSkewMs: PAST_SKEW_MS, futureSkewMs: maxDriftMs, config: this.config };
    const judged = judgeFresh(this.core, fresh, {
      now,
      rules,
      contacts: this.contacts,
      maxDriftMs,
    });
    for (const s of judged.skews)
      this.perform(reportSkew(this.peers, s.device, s.driftMs, this.opts.clock.now()));
    try {
      // verdicts first: a crash that tears the batch keeps a prefix of it, and a verdict
      // without its event is harmless where an event without its verdict is let in (issue
      // 15, found by src/hub/disk-chaos.property.test.ts)
      await this.opts.storage.appendRemote([...judged.verdicts, ...fresh]);
    } catch (err) {
      // not applied and not counted as held: catch-up will bring these events again
      this.opts.onRejected?.(`storing ${fresh.length} events failed: ${describe(err)}`);
      return;
    }
    const taken = takeJudged(this.core, judged, now);
    const verb = this.policy.implausible === 'refuse' ? 'refused' : 'held back';
    for (const [id, reason] of judged.refused) {
      this.opts.onRejected?.(`implausible event ${id} ${verb}: ${reason}`);
    }
    // a refold for a verdict has folded these too
    if (!this.core.applyVerdicts(taken, now)) this.afterApply(this.core.applyInOrder(taken, now));
    this.changed();
    this.emitEvents(taken);
    this.opts.onRemoteApplied?.(taken);
    if (judged.verdicts.length > 0) this.sendEvents(judged.verdicts);
    if (this.policy.acknowledges) this.scheduleAnnounce(ACK_DELAY_MS);
    else {
      this.settleQuarantine();
      if (this.core.log.hasGaps()) this.scheduleAnnounce(ANNOUNCE_DELAY_MS);
    }
  }

  private settleQuarantine(): void {
    const released = this.core.settleQuarantine(this.peers.agentSaid, this.now());
    if (released.length === 0) return;
    this.changed();
    this.emitEvents(released);
  }

  private onVector(m: Extract<Inbound, { kind: 'vector' }>): void {
    const now = this.opts.clock.now();
    const budget = this.budgets.get(m.from);
    const limits = this.catchUpLimits();
    this.perform(
      onVector(this.policy, this.peers, {
        self: this.device,
        from: m.from,
        theirs: m.vector,
        ...(m.at !== undefined ? { at: m.at } : {}),
        now,
        behind: this.core.log.behind(m.vector),
        budgetWait: budget ? answerDelay(budget, now, limits) : 0,
        maxDriftMs: this.opts.maxDriftMs ?? FUTURE_SKEW_MS,
      }),
      m,
    );
  }

  /** Performs a protocol step's effects: the only place they meet the ports. */
  private perform(
    step: { state: PeerState; effects: readonly Effect[] },
    m?: Extract<Inbound, { kind: 'vector' }>,
  ): void {
    this.peers = step.state;
    for (const e of step.effects) {
      switch (e.kind) {
        case 'announce':
          this.scheduleAnnounce(e.delayMs);
          break;
        case 'ask':
          this.askForMissing();
          break;
        case 'answer':
          if (m) this.timers.restart(`answer:${e.key}`, e.delayMs, () => this.answer(m, e.part));
          break;
        case 'acknowledge':
          this.acknowledge(e.upTo);
          break;
        case 'settleQuarantine':
          void this.enqueue(() => Promise.resolve(this.settleQuarantine()));
          break;
        case 'contact':
          noteContact(this.contacts, e.device, e.count, e.at);
          break;
        case 'clockSkew':
          this.opts.onClockSkew?.(e.device, e.driftMs);
          break;
        case 'changed':
          this.changed();
      }
    }
  }

  /** The agent holds our events up to `upTo` durably: they leave the outbox. */
  private acknowledge(upTo: number): void {
    const done = outbox.acknowledged(
      this.box,
      upTo,
      (seq) => this.core.log.get(this.device, seq) !== undefined,
    );
    if (done.length === 0) return;
    void this.enqueue(async () => {
      try {
        await this.opts.storage.removeFromOutbox(done);
      } catch (err) {
        this.opts.onRejected?.(`updating the outbox failed: ${describe(err)}`);
        return;
      }
      this.box = outbox.removed(this.box, done);
      this.changed();
    });
  }

  private catchUpLimits(): CatchUpLimits {
    return this.opts.catchUp ?? CATCH_UP_LIMITS;
  }

  private answer(m: Extract<Inbound, { kind: 'vector' }>, part: 'all' | 'own'): void {
    if (this.opts.transport.state !== 'online' || this.closed) return;
    const now = this.opts.clock.now();
    const budget = this.budgets.get(m.from);
    const plan = planAnswer({
      log: this.core.log,
      self: this.device,
      from: m.from,
      theirs: m.vector,
      ...(m.since !== undefined ? { since: m.since } : {}),
      part,
      now,
      inFlight: (id) => outbox.inFlight(this.box, id, now),
      ...(budget ? { budget } : {}),
      limits: this.catchUpLimits(),
    });
    if (!plan) return;
    if (plan.budget) this.budgets.set(m.from, plan.budget);
    if (plan.withheld > 0) {
      const all = plan.events.length + plan.withheld;
      this.opts.onRejected?.(
        `catch-up for ${m.from} limited to ${plan.events.length} of ${all} events`,
      );
    }
    const topic = plan.to === 'asker' ? topics.to(this.opts.root, m.from) : undefined;
    this.sendEvents(plan.events, plan.floors, topic);
  }

  /** Announces our vector (peers answer with what we lack) once no events are streaming in. */
  private askForMissing(): void {
    const wait = askDelay(this.peers.lastEventsAt, this.opts.clock.now());
    if ('announceIn' in wait) return this.scheduleAnnounce(wait.announceIn);
    this.timers.once('announce', wait.askAgainIn, () => this.askForMissing());
  }

  private scheduleAnnounce(ms: number): void {
    this.timers.once('announce', ms, () => this.announce());
  }

  private announce(): void {
    if (this.opts.transport.state !== 'online' || this.closed) return;
    publishVector(this.opts.transport, topics.vector(this.opts.root, this.device), {
      from: this.device,
      vector: this.core.log.vector(),
      at: this.opts.clock.now(),
      ...(this.policy.announcesSince ? { since: this.core.since(this.now()) } : {}),
    });
  }

  private sendEvents(
    events: readonly StoreEvent[],
    floors: Record<string, number> = {},
    topic?: string,
  ): void {
    void this.publish(events, floors, topic).catch(() => undefined);
  }

  private publish(
    events: readonly StoreEvent[],
    floors: Record<string, number> = {},
    topic = topics.events(this.opts.root, this.device),
  ): Promise<void> {
    const now = this.opts.clock.now();
    return publishEvents(this.opts, topic, this.device, events, floors, (chunk) => {
      const own = chunk.filter((e) => e.device === this.device).map((e) => e.id);
      if (own.length > 0) this.box = outbox.sent(this.box, own, now);
    });
  }

  /**
   * Sends outbox events not yet sent on this connection, in order. They stay in the outbox
   * until the agent's vector shows them stored; the agent's vector also triggers resends.
   */
  private drain(): void {
    if (this.draining || this.closed || this.opts.transport.state !== 'online') return;
    this.draining = true;
    void (async () => {
      try {
        for (;;) {
          const ids = outbox.unsent(this.box, CHUNK);
          if (ids.length === 0 || this.opts.transport.state !== 'online' || this.closed) break;
          const events = ids.map((id) => this.core.log.get(this.device, outbox.seqOf(id)));
          await this.publish(events.filter((e): e is StoreEvent => e !== undefined));
        }
      } catch {
        // unsent ones are sent again on the next connection or the agent's next vector
      } finally {
        this.draining = false;
      }
      this.scheduleRetry();
    })();
  }

  /**
   * Sent but not acknowledged by the agent (its vector was lost, or it is down): send again
   * after a pause that doubles up to the anti-entropy period while nothing is acknowledged.
   */
  private scheduleRetry(): void {
    if (this.box.ids.length === 0 || this.closed) return;
    this.timers.once('retry', this.box.retryMs, () => {
      if (this.box.ids.length === 0 || this.opts.transport.state !== 'online') return;
      this.box = outbox.retried(this.box, this.opts.clock.now(), this.antiEntropyMs());
      this.drain();
    });
  }
}
