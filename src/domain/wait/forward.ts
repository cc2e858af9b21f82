import {
  APPOINTMENT_EARLY_MS,
  appointmentPlace,
  isPriorityPlace,
  priorityPlace,
} from '../queue/line-order.ts';
import type { LineSnapshot } from './line.ts';
import type { WaitModel } from './model.ts';
import type { Rng } from './rng.ts';
import { BOOKED_LEAD_MS } from './channels.ts';
import type { DurationShape } from './shape.ts';

/**
 * Forward simulation of the current state (Ibrahim & Whitt 2011): run the counters on from
 * now, many times over, with durations drawn from what the model learned, until the target
 * ticket is called. Each counter, when free, calls the first waiting ticket in line among its
 * services; customers ahead may leave (learned abandonment rate), may not show up when
 * called (learned no-show rate) or may come back after a transfer with their original place.
 * Later arrivals queue behind the target, so they do not matter, except priority tickets,
 * which go before a target without priority: they arrive at their learned rate, and booked
 * customers, who go before walk-ins at their time (see ChannelEntries below). Future changes
 * of staffing are not known and not simulated: the calibration absorbs what that costs on
 * average.
 */

export interface ForwardQuery {
  readonly now: number;
  readonly service: string;
  /** The target's place in line; Infinity for a ticket issued now. */
  readonly key: number;
  /** The target's booked time, when it is a booked customer's ticket. */
  readonly slotAt?: number;
}

/**
 * Customers of the line who are not simply "here and callable" (queue/line-order.ts): a remote
 * customer who has not checked in (comes with the learned probability, sampled per
 * replication, and is callable only from their sampled check-in), a booked customer who checked
 * in (callable from their slot less APPOINTMENT_EARLY_MS, earlier only when a counter finds
 * nobody else), and a booked time whose customer has not come yet (comes with the learned
 * probability and joins ahead of walk-ins at slot - APPOINTMENT_EARLY_MS: the earliest it may
 * be called, never rosier). Per service, parallel to its keys; absent for a plain line.
 */
const enum Entry {
  Here,
  Remote,
  Booked,
  Future,
  /** Told when it will be callable (`callableAt`: the benchmark's full-information oracle). */
  Known,
}
/**
 * A booked time this long past with no check-in is taken as missed even before the hub's
 * `appointment.cancelled` (missed, at slot + lateMin) arrives: the longest late window a store
 * may set (services[].booking.lateMin is at most 120), so no one who may still come is dropped.
 */
const LATE_MS = 120 * 60_000;

interface ChannelEntries {
  readonly kind: Uint8Array;
  /** Remote: ms since issue; Booked and Known: earliest call time; Future: the slot. */
  readonly at: Float64Array;
  /** Per replication: time from which callable (Infinity: never), taken or absent. */
  readonly ready: Float64Array;
  readonly gone: Uint8Array;
}

export interface ForwardTime {
  hourOf(at: number): number;
  /** ms since local midnight */
  msOfDay(at: number): number;
}

export interface ReplicationBudget {
  /** Simulated steps per prediction; replications = budget / (counters + customers ahead + 1). */
  readonly budget: number;
  readonly min: number;
  readonly max: number;
}

export interface ForwardResult {
  /** Simulated waits in ms, sorted ascending. */
  readonly samples: Float64Array;
  readonly mean: number;
  /** Tickets ahead in the services that share counters with the target's. */
  readonly aheadRelevant: number;
  /** Waiting tickets of the target's own service ahead of it. */
  readonly aheadSame: number;
  /** Open counters serving the target's service. */
  readonly openCounters: number;
  /** No open counter serves the service; the result assumes one opens now. */
  readonly noCounter: boolean;
}

const HOUR = 3_600_000;
const SLOTS = 16;
const HORIZON = 48 * HOUR;

class MinHeap {
  readonly t: Float64Array;
  readonly id: Int32Array;
  size = 0;
  constructor(capacity: number) {
    this.t = new Float64Array(capacity);
    this.id = new Int32Array(capacity);
  }
  push(id: number, time: number): void {
    let i = this.size++;
    const t = this.t;
    const ids = this.id;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (t[p]! <= time) break;
      t[i] = t[p]!;
      ids[i] = ids[p]!;
      i = p;
    }
    t[i] = time;
    ids[i] = id;
  }
  /** Time of the entry the last `pop` removed. */
  lastTime = 0;
  /** Removes the minimum and returns its id. */
  pop(): number {
    const t = this.t;
    const ids = this.id;
    const top = ids[0]!;
    this.lastTime = t[0]!;
    const n = --this.size;
    if (n > 0) {
      const lt = t[n]!;
      const lid = ids[n]!;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && t[r]! < t[l]! ? r : l;
        if (t[c]! >= lt) break;
        t[i] = t[c]!;
        ids[i] = ids[c]!;
        i = c;
      }
      t[i] = lt;
      ids[i] = lid;
    }
    return top;
  }
}

export function forwardSimulate(
  line: LineSnapshot,
  q: ForwardQuery,
  model: WaitModel,
  time: ForwardTime,
  rng: Rng,
  budget: ReplicationBudget,
): ForwardResult {
  // --- index the services involved
  const index = new Map<string, number>();
  const names: string[] = [];
  const idx = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = names.length;
      index.set(s, i);
      names.push(s);
    }
    return i;
  };
  const target = idx(q.service);
  const open = line.counters.filter((c) => c.open);
  for (const c of open) {
    for (const s of c.services) idx(s);
    if (c.busy) idx(c.busy.service);
  }
  const openCounters = open.filter((c) => c.services.includes(q.service)).length;
  const noCounter = openCounters === 0;

  // --- counters: services served, initial state
  const counterServices: number[][] = open.map((c) => [...new Set(c.services.map(idx))]);
  if (noCounter) counterServices.push([target]);
  const nc = counterServices.length;
  const S = names.length;
  const serves = new Uint8Array(nc * S);
  counterServices.forEach((list, c) => {
    for (const s of list) serves[c * S + s] = 1;
  });

  // --- waiting tickets ahead of the target, per service, in order; the target goes last
  const targetKey = Number.isFinite(q.key) ? q.key : Number.MAX_SAFE_INTEGER;
  const built = aheadLists(line, q, index, names.length, targetKey);
  const aheadSame = built.aheadSame;
  const keys = built.keys;
  const lens = keys.map((k) => k.length);
  const channel = built.channel;

  // services that share a counter with the target's: their tickets are work ahead of it
  const related = new Uint8Array(S);
  for (let c = 0; c < nc; c++) {
    if (!serves[c * S + target]) continue;
    for (const s of counterServices[c]!) related[s] = 1;
  }
  let aheadRelevant = 0;
  for (let s = 0; s < S; s++) if (related[s]) aheadRelevant += built.waiting[s]!;

  // --- a free counter for the service with nobody ahead among its lines: called right away
  for (let c = 0; c < open.length; c++) {
    if (open[c]!.busy || !serves[c * S + target]) continue;
    if (counterServices[c]!.every((s) => lens[s] === (s === target ? 1 : 0))) {
      return {
        samples: new Float64Array(1),
        mean: 0,
        aheadRelevant,
        aheadSame,
        openCounters,
        noCounter,
      };
    }
  }

  // --- learned parameters
  const services = names;
  model.refresh(services);
  const channelRates: ArrivalRates[] = services.map((s) => ({
    pRemote: model.channels.remoteShowProb(s),
    pBooked: model.channels.bookedShowProb(s),
    checkInMean: model.channels.checkInMeanMs(s),
    checkInShape: model.channels.checkInShape(s),
    checkInLearned: model.channels.checkInLearned(s),
    leadMean: model.channels.bookedLeadMeanMs(s),
    leadShape: model.channels.bookedLeadShape(s),
    leadLearned: model.channels.bookedLeadLearned(s),
  }));
  const h0 = time.hourOf(q.now);
  const nextBoundary = q.now + (HOUR - (time.msOfDay(q.now) % HOUR));
  const meanBySlot = new Float64Array(S * SLOTS);
  for (let s = 0; s < S; s++) {
    for (let j = 0; j < SLOTS; j++)
      meanBySlot[s * SLOTS + j] = model.serviceMeanMs(services[s]!, (h0 + j) % 24);
  }
  const meanAt = (s: number, t: number): number => {
    const slot =
      t < nextBoundary ? 0 : Math.min(SLOTS - 1, 1 + Math.floor((t - nextBoundary) / HOUR));
    return meanBySlot[s * SLOTS + slot]!;
  };
  const shapes: DurationShape[] = services.map((s) => model.serviceShape(s));
  const pNoShow = Float64Array.from(services, (s) => model.noShowProb(s));
  const theta = Float64Array.from(services, (s) => model.abandonRate(s));
  const nsMean = model.noShowMeanMs;
  const nsShape = model.noShowShape;
  const pTransfer = new Float64Array(S);
  const transferTo: { s: number; cum: number }[][] = names.map(() => []);
  for (let s = 0; s < S; s++) {
    const t = model.transfers(services[s]!);
    let total = 0;
    const list: { s: number; cum: number }[] = [];
    for (const [to, w] of t.targets) {
      const ti = index.get(to);
      if (ti === undefined || w <= 0) continue;
      total += w;
      list.push({ s: ti, cum: total });
    }
    if (total > 0 && t.p > 0) {
      for (const x of list) x.cum /= total;
      transferTo[s] = list;
      pTransfer[s] = t.p;
    }
  }

  // busy counters: residual time of the current visit
  interface Busy {
    readonly service: number;
    readonly key: number;
    readonly elapsed: number;
    readonly mean: number;
    readonly pNoShow: number;
    /** normalized elapsed time and where residual draws start, service and no-show */
    readonly a: number;
    readonly start: number;
    readonly aNs: number;
    readonly startNs: number;
  }
  const busy: (Busy | undefined)[] = open.map((c) => {
    const b = c.busy;
    if (!b) return undefined;
    const s = index.get(b.service) ?? target;
    const elapsed = Math.max(0, q.now - b.calledAt);
    const mean = model.serviceMeanMs(b.service, time.hourOf(b.calledAt));
    let p = 0;
    if (!b.started) {
      const prior = pNoShow[s]!;
      const sNs = nsShape.survival(elapsed / nsMean);
      const sSv = shapes[s]!.survival(elapsed / mean);
      const den = prior * sNs + (1 - prior) * sSv;
      p = den > 0 ? (prior * sNs) / den : prior;
    }
    const a = elapsed / mean;
    const aNs = elapsed / nsMean;
    return {
      service: s,
      key: b.key,
      elapsed,
      mean,
      pNoShow: p,
      a,
      start: shapes[s]!.residualStart(a),
      aNs,
      startNs: p > 0 ? nsShape.residualStart(aNs) : 0,
    };
  });
  if (noCounter) busy.push(undefined);

  // priority tickets still to come go before a target without priority
  const priRate = new Float64Array(S);
  let anyPriority = false;
  if (!isPriorityPlace(targetKey)) {
    for (let s = 0; s < S; s++) {
      priRate[s] = model.priorityRate(services[s]!);
      if (priRate[s]! > 0) anyPriority = true;
    }
  }
  const priNext = new Float64Array(S);
  const priPending = new Int32Array(S);
  // behind the priority tickets already waiting, before everyone else
  const futurePriorityKey = priorityPlace(q.now);

  // --- replications
  // replications: about `budget` simulated steps (a counter's first residual or a call) in all
  const reps = Math.max(
    budget.min,
    Math.min(budget.max, Math.round(budget.budget / (nc + aheadRelevant + 1))),
  );
  const samples = new Float64Array(reps);
  const heap = new MinHeap(nc + 1);
  const head = new Int32Array(S);
  const abandonAt: (Float64Array | undefined)[] = keys.map((k, s) =>
    theta[s]! > 0 ? new Float64Array(k.length) : undefined,
  );
  const idle = new Uint8Array(nc);
  const anyChannel = channel.some((ch) => ch !== undefined);
  // tickets coming back after a transfer (rare): service, place, time back in line, taken
  const exService: number[] = [];
  const exKey: number[] = [];
  const exReady: number[] = [];
  const exTaken: boolean[] = [];
  let nEx = 0;

  const maybeTransfer = (s: number, key: number, at: number): void => {
    const p = pTransfer[s]!;
    if (p <= 0 || key >= targetKey || rng.next() >= p) return;
    const u = rng.next();
    const to = transferTo[s]!.find((x) => u <= x.cum) ?? transferTo[s]![transferTo[s]!.length - 1];
    if (!to) return;
    exService[nEx] = to.s;
    exKey[nEx] = key;
    exReady[nEx] = at;
    exTaken[nEx] = false;
    nEx++;
    for (let c = 0; c < nc; c++) {
      if (idle[c] && serves[c * S + to.s]) {
        idle[c] = 0;
        heap.push(c, at);
      }
    }
  };

  let sum = 0;
  for (let r = 0; r < reps; r++) {
    heap.size = 0;
    head.fill(0);
    idle.fill(0);
    nEx = 0;
    for (let s = 0; s < S; s++) {
      const ab = abandonAt[s];
      if (!ab) continue;
      const th = theta[s]!;
      for (let i = 0; i < ab.length; i++) ab[i] = q.now + rng.exp(th);
      if (s === target) ab[ab.length - 1] = Infinity;
    }
    for (let s = 0; s < S; s++) {
      const ch = channel[s];
      if (ch) drawArrivals(ch, channelRates[s]!, q.now, rng);
    }
    for (let c = 0; c < nc; c++) {
      const b = busy[c];
      if (!b) {
        heap.push(c, q.now);
        continue;
      }
      let rest: number;
      if (b.pNoShow > 0 && rng.next() < b.pNoShow) {
        rest = nsMean * nsShape.residualFrom(rng, b.startNs, b.aNs);
      } else {
        rest = b.mean * shapes[b.service]!.residualFrom(rng, b.start, b.a);
        maybeTransfer(b.service, b.key, q.now + rest);
      }
      heap.push(c, q.now + rest);
    }

    if (anyPriority) {
      priPending.fill(0);
      for (let s = 0; s < S; s++)
        priNext[s] = priRate[s]! > 0 ? q.now + rng.exp(priRate[s]!) : Infinity;
    }

    let wait = HORIZON;
    while (heap.size > 0) {
      const c = heap.pop();
      const f = heap.lastTime;
      if (f - q.now > HORIZON) break;
      // the first ticket in line among the counter's services
      let bestS = -1;
      let bestKey = Infinity;
      let bestEx = -1;
      let bestPriority = false;
      let bestIdx = -1;
      for (const s of counterServices[c]!) {
        const k = keys[s]!;
        const ab = abandonAt[s];
        let h = head[s]!;
        const len = lens[s]!;
        const ch = channel[s];
        if (ch) {
          // taken, absent or gone at the head; then the first callable one
          while (h < len && (ch.gone[h] || (ab && ab[h]! <= f))) h++;
          head[s] = h;
          const i = firstReady(ch, ab, h, len, f);
          if (i < len && k[i]! < bestKey) {
            bestKey = k[i]!;
            bestS = s;
            bestIdx = i;
          }
          continue;
        }
        if (ab) while (h < len && ab[h]! <= f) h++;
        head[s] = h;
        if (h < len && k[h]! < bestKey) {
          bestKey = k[h]!;
          bestS = s;
          bestIdx = h;
        }
      }
      if (anyPriority) {
        for (const s of counterServices[c]!) {
          const rate = priRate[s]!;
          if (rate === 0) continue;
          while (priNext[s]! <= f) {
            priPending[s]!++;
            priNext[s]! += rng.exp(rate);
          }
          if (priPending[s]! > 0 && futurePriorityKey < bestKey) {
            bestKey = futurePriorityKey;
            bestS = s;
            bestPriority = true;
          }
        }
      }
      for (let x = 0; x < nEx; x++) {
        if (exTaken[x] || exReady[x]! > f || exKey[x]! >= bestKey) continue;
        if (!serves[c * S + exService[x]!]) continue;
        bestKey = exKey[x]!;
        bestS = exService[x]!;
        bestEx = x;
        bestPriority = false;
      }
      if (bestS < 0 && anyChannel) {
        // nobody callable: a booked customer who came early, else wait for the next to be
        const early = earlyBooked(counterServices[c]!, channel, keys, abandonAt, head, f);
        if (early.s >= 0) {
          bestS = early.s;
          bestIdx = early.i;
          bestKey = keys[bestS]![bestIdx]!;
        } else if (early.next < Infinity) {
          heap.push(c, early.next);
          continue;
        }
      }
      if (bestS < 0) {
        idle[c] = 1;
        continue;
      }
      if (bestEx < 0 && !bestPriority && bestS === target && bestIdx === lens[target]! - 1) {
        wait = f - q.now;
        break;
      }
      if (bestPriority) priPending[bestS]!--;
      else if (bestEx >= 0) exTaken[bestEx] = true;
      else if (channel[bestS]) channel[bestS]!.gone[bestIdx] = 1;
      else head[bestS]!++;
      let d: number;
      if (rng.next() < pNoShow[bestS]!) {
        d = nsMean * nsShape.sample(rng);
      } else {
        d = meanAt(bestS, f) * shapes[bestS]!.sample(rng);
        if (pTransfer[bestS]! > 0) maybeTransfer(bestS, bestKey, f + d);
      }
      heap.push(c, f + d);
    }
    samples[r] = wait;
    sum += wait;
  }
  samples.sort();
  return { samples, mean: sum / reps, aheadRelevant, aheadSame, openCounters, noCounter };
}

interface AheadLists {
  /** Per service: places of the tickets (and booked times) ahead, in order; the target last. */
  readonly keys: Float64Array[];
  readonly channel: (ChannelEntries | undefined)[];
  /** Per service: waiting tickets ahead (booked times not counted). */
  readonly waiting: number[];
  readonly aheadSame: number;
}

/** The simulated lines: who is ahead of the target in each service, and how they come. */
function aheadLists(
  line: LineSnapshot,
  q: ForwardQuery,
  index: ReadonlyMap<string, number>,
  S: number,
  targetKey: number,
): AheadLists {
  const lists: { key: number; kind: Entry; at: number }[][] = Array.from({ length: S }, () => []);
  const waiting = new Array<number>(S).fill(0);
  for (const w of line.waiting) {
    if (w.key >= q.key) continue;
    const s = index.get(w.service);
    if (s === undefined) continue; // no open counter serves it: it cannot be ahead of us
    waiting[s]!++;
    if (w.awaitingCheckIn && w.callableAt !== undefined)
      lists[s]!.push({ key: w.key, kind: Entry.Known, at: w.callableAt });
    else if (w.awaitingCheckIn)
      lists[s]!.push({ key: w.key, kind: Entry.Remote, at: q.now - w.since });
    else if (w.slotAt !== undefined)
      lists[s]!.push({ key: w.key, kind: Entry.Booked, at: w.slotAt - APPOINTMENT_EARLY_MS });
    else lists[s]!.push({ key: w.key, kind: Entry.Here, at: 0 });
  }
  for (const b of line.booked ?? []) {
    const s = index.get(b.service);
    const key = appointmentPlace(b.slotAt);
    if (s === undefined || key >= targetKey) continue;
    if (b.callableAt !== undefined) {
      lists[s]!.push({ key, kind: Entry.Known, at: Math.max(q.now, b.callableAt) });
      continue;
    }
    if (b.slotAt < q.now - LATE_MS) continue;
    lists[s]!.push({ key, kind: Entry.Future, at: b.slotAt });
  }
  const t = index.get(q.service)!;
  const targetAt = q.slotAt !== undefined ? q.slotAt - APPOINTMENT_EARLY_MS : 0;
  const keys: Float64Array[] = [];
  const channel: (ChannelEntries | undefined)[] = [];
  lists.forEach((l, s) => {
    l.sort((a, b) => a.key - b.key);
    if (s === t)
      l.push({
        key: targetKey,
        kind: q.slotAt !== undefined ? Entry.Booked : Entry.Here,
        at: targetAt,
      });
    keys.push(Float64Array.from(l, (x) => x.key));
    channel.push(
      l.some((x) => x.kind !== Entry.Here)
        ? {
            kind: Uint8Array.from(l, (x) => x.kind),
            at: Float64Array.from(l, (x) => x.at),
            ready: new Float64Array(l.length),
            gone: new Uint8Array(l.length),
          }
        : undefined,
    );
  });
  return { keys, channel, waiting, aheadSame: waiting[t]! };
}

/** What the model learned of a service's remote and booked customers (channels.ts). */
interface ArrivalRates {
  readonly pRemote: number;
  readonly pBooked: number;
  readonly checkInMean: number;
  readonly checkInShape: DurationShape;
  readonly checkInLearned: boolean;
  readonly leadMean: number;
  readonly leadShape: DurationShape;
  readonly leadLearned: boolean;
}

/** One replication's draw: who of the line's customers not here yet comes, and when. */
function drawArrivals(ch: ChannelEntries, r: ArrivalRates, now: number, rng: Rng): void {
  for (let i = 0; i < ch.kind.length; i++) {
    ch.gone[i] = 0;
    switch (ch.kind[i] as Entry) {
      case Entry.Here:
        ch.ready[i] = -Infinity;
        break;
      case Entry.Booked:
      case Entry.Known:
        ch.ready[i] = ch.at[i]!;
        break;
      case Entry.Future:
        drawBooked(ch, i, r, now, rng);
        break;
      case Entry.Remote: {
        const m = r.checkInMean;
        const a = ch.at[i]! / Math.max(m, 1);
        const p = remoteShows(r.pRemote, r.checkInLearned, r.checkInShape, a);
        // unlearned (p = 1): no draw, so the line simulates exactly as before the channels
        if (p < 1 && rng.next() >= p) {
          ch.gone[i] = 1;
          break;
        }
        ch.ready[i] = m > 0 ? now + m * r.checkInShape.sampleResidual(rng, a) : -Infinity;
        break;
      }
    }
  }
}

/**
 * A booked time not checked in: whether its customer comes (the learned share; once 30
 * check-ins were seen, lower the later it is) and when (a learned check-in, given it has not
 * happened by now; callable from slot - 5 min). Until learned: comes, callable at once.
 */
function drawBooked(ch: ChannelEntries, i: number, r: ArrivalRates, now: number, rng: Rng): void {
  const slot = ch.at[i]!;
  const earliest = Math.max(now, slot - APPOINTMENT_EARLY_MS);
  if (!r.leadLearned || r.leadMean <= 0) {
    ch.ready[i] = earliest;
    if (r.pBooked < 1 && rng.next() >= r.pBooked) ch.gone[i] = 1;
    return;
  }
  const from = slot - BOOKED_LEAD_MS;
  const a = Math.max(0, (now - from) / r.leadMean);
  if (rng.next() >= remoteShows(r.pBooked, true, r.leadShape, a)) {
    ch.gone[i] = 1;
    return;
  }
  const arrival = from + r.leadMean * (a + r.leadShape.sampleResidual(rng, a));
  ch.ready[i] = Math.max(earliest, arrival);
}

/**
 * Probability that a remote customer who has not checked in `a` (check-in delays' mean) after
 * the issue still comes: Bayes with the learned share who come and the learned delays, once
 * enough were seen; until then the share alone (which, unlearned, is 1: never rosier).
 */
export function remoteShows(p: number, learned: boolean, shape: DurationShape, a: number): number {
  if (!learned || p >= 1) return p;
  const late = p * shape.survival(a);
  return late / (late + 1 - p);
}

/** The first entry from `h` that is there, has not left and may be called at `f`. */
function firstReady(
  ch: ChannelEntries,
  ab: Float64Array | undefined,
  h: number,
  len: number,
  f: number,
): number {
  let i = h;
  while (i < len && (ch.gone[i] || (ab && ab[i]! <= f) || ch.ready[i]! > f)) i++;
  return i;
}

/**
 * When a counter finds nobody callable (queue/line-order.ts `firstToCall`): the first booked
 * customer who is here early, else the time the next customer becomes callable.
 */
function earlyBooked(
  services: readonly number[],
  channel: readonly (ChannelEntries | undefined)[],
  keys: readonly Float64Array[],
  abandonAt: readonly (Float64Array | undefined)[],
  head: Int32Array,
  f: number,
): { s: number; i: number; next: number } {
  let best = { s: -1, i: -1, next: Infinity };
  let bestKey = Infinity;
  for (const s of services) {
    const ch = channel[s];
    if (!ch) continue;
    const ab = abandonAt[s];
    for (let i = head[s]!; i < ch.kind.length; i++) {
      if (ch.gone[i] || (ab && ab[i]! <= f)) continue;
      if (ch.kind[i] === Entry.Booked && keys[s]![i]! < bestKey) {
        bestKey = keys[s]![i]!;
        best = { s, i, next: best.next };
      } else if (ch.ready[i]! > f && ch.ready[i]! < best.next) {
        best = { ...best, next: ch.ready[i]! };
      }
    }
  }
  return best;
}

/** Linear-interpolated quantile of sorted samples. */
export function sampleQuantile(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = (n - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
