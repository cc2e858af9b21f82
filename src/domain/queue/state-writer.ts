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
 * Owns how the fold writes a QueueState. In place (a fresh state being folded) it writes the
 * state itself. For a state already handed out it writes a new top-level object, so whoever
 * keys on the state (a React memo, useSyncExternalStore) sees every change; the maps, lists
 * and records inside are shared with the state it started from and updated in place.
 *
 * Why not copy on write: copying each map on its first write kept every earlier state as it
 * was, and cost a copy of the day's ticket map per tap. `npm run bench -- --only growth`
 * measured tap work at 41,100 tickets go from 3.8 ms to 37.3 ms with it (issue 17). Keep a
 * memo on `state`, not on one of its maps; a structure that shares unchanged entries (a
 * persistent map) would give both, and is the next step.
 */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

type MapKey =
  | 'tickets'
  | 'numbers'
  | 'counters'
  | 'serviceTimes'
  | 'visits'
  | 'alerts'
  | 'staffOn'
  | 'refused'
  | 'appointments';

export class StateWriter {
  /** The state being written: read from it, write through the methods below. */
  readonly next: Mutable<QueueState>;

  constructor(base: QueueState, inPlace: boolean) {
    this.next = inPlace ? base : { ...base };
  }

  map<K extends MapKey>(key: K): QueueState[K] {
    return this.next[key];
  }

  calls(): Call[] {
    return this.next.calls;
  }

  conflicts(): Conflict[] {
    return this.next.conflicts;
  }

  ticket(id: string): Ticket | undefined {
    return this.next.tickets.get(id);
  }

  counter(id: string): CounterState | undefined {
    return this.next.counters.get(id);
  }

  visit(id: string): VisitRecord | undefined {
    return this.next.visits.get(id);
  }

  alert(id: string): Alert | undefined {
    return this.next.alerts.get(id);
  }

  /** The durations list of a service, writable. */
  serviceTimes(service: string): number[] {
    let list = this.next.serviceTimes.get(service);
    if (!list) this.next.serviceTimes.set(service, (list = []));
    return list;
  }
}
