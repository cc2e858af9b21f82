import type {
  Alert,
  Call,
  Conflict,
  CounterState,
  QueueState,
  Ticket,
  VisitRecord,
} from './state.ts';

/**
 * Owns copy-on-write for the fold: a writer hands the fold writable parts of a QueueState.
 * In place (a fresh state being folded) it hands the parts themselves; otherwise it copies
 * each map, list and record once, on its first write, and shares the rest with the state it
 * started from, so that state is never touched and a React memo keyed on it cannot go stale.
 */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

type MapKey =
  'tickets' | 'numbers' | 'counters' | 'serviceTimes' | 'visits' | 'alerts' | 'staffOn' | 'refused';

export class StateWriter {
  /** The state being written: read from it, write through the methods below. */
  readonly next: Mutable<QueueState>;
  /** What this writer made (and may write); undefined when it writes in place. */
  private readonly owned: Set<object> | undefined;

  constructor(base: QueueState, inPlace: boolean) {
    this.next = inPlace ? base : { ...base };
    this.owned = inPlace ? undefined : new Set();
  }

  /** A record this writer created: later writes need no copy. */
  created<T extends object>(o: T): T {
    this.owned?.add(o);
    return o;
  }

  map<K extends MapKey>(key: K): QueueState[K] {
    const m = this.next[key];
    if (this.mine(m)) return m;
    const copy = this.created(new Map(m as Map<unknown, unknown>)) as QueueState[K];
    this.next[key] = copy;
    return copy;
  }

  calls(): Call[] {
    if (!this.mine(this.next.calls)) this.next.calls = this.created([...this.next.calls]);
    return this.next.calls;
  }

  conflicts(): Conflict[] {
    if (!this.mine(this.next.conflicts)) {
      this.next.conflicts = this.created([...this.next.conflicts]);
    }
    return this.next.conflicts;
  }

  ticket(id: string): Ticket | undefined {
    return this.record('tickets', id, (t) => ({ ...t }));
  }

  counter(id: string): CounterState | undefined {
    return this.record('counters', id, (c) => ({ ...c }));
  }

  visit(id: string): VisitRecord | undefined {
    return this.record('visits', id, (v) => ({ ...v, steps: [...v.steps] }));
  }

  alert(id: string): Alert | undefined {
    return this.record('alerts', id, (a) => ({ ...a }));
  }

  /** The durations list of a service, writable. */
  serviceTimes(service: string): number[] {
    const list = this.next.serviceTimes.get(service);
    if (list && this.mine(list)) return list;
    const copy = this.created(list ? [...list] : []);
    this.map('serviceTimes').set(service, copy);
    return copy;
  }

  private mine(o: object): boolean {
    return this.owned === undefined || this.owned.has(o);
  }

  private record<V extends object>(
    key: 'tickets' | 'counters' | 'visits' | 'alerts',
    id: string,
    copy: (v: V) => V,
  ): V | undefined {
    const v = (this.next[key] as Map<string, V>).get(id);
    if (v === undefined || this.mine(v)) return v;
    const c = this.created(copy(v));
    (this.map(key) as Map<string, V>).set(id, c);
    return c;
  }
}
