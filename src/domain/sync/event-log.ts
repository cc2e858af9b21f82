import { compareEvents, type StoreEvent } from '../queue/events.ts';

/**
 * The set of events a replica holds, indexed per device so that the version vector
 * (highest contiguous seq per device) and "what does a peer miss" are cheap.
 * Adding is idempotent: the same event (device+seq) is kept once.
 *
 * A per-device floor says "everything up to this seq is settled history": compacted away
 * here, or older than anything this replica wants. The vector counts from the floor, so
 * a replica that keeps only recent days still has no gaps.
 */
export class EventLog {
  private readonly byDevice = new Map<string, Map<number, StoreEvent>>();
  private readonly contiguous = new Map<string, number>();
  private readonly floors = new Map<string, number>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  has(device: string, seq: number): boolean {
    return seq <= (this.floors.get(device) ?? 0) || (this.byDevice.get(device)?.has(seq) ?? false);
  }

  get(device: string, seq: number): StoreEvent | undefined {
    return this.byDevice.get(device)?.get(seq);
  }

  /** Returns true when the event is new. */
  add(e: StoreEvent): boolean {
    if (this.has(e.device, e.seq)) return false;
    let m = this.byDevice.get(e.device);
    if (!m) {
      m = new Map();
      this.byDevice.set(e.device, m);
    }
    m.set(e.seq, e);
    this.count++;
    this.advance(e.device);
    return true;
  }

  private advance(device: string): void {
    const m = this.byDevice.get(device);
    let top = Math.max(this.contiguous.get(device) ?? 0, this.floors.get(device) ?? 0);
    while (m?.has(top + 1)) top++;
    this.contiguous.set(device, top);
  }

  /** Declares a device's events up to `seq` settled; held ones below it stay readable. */
  raiseFloor(device: string, seq: number): void {
    if (seq <= (this.floors.get(device) ?? 0)) return;
    this.floors.set(device, seq);
    this.advance(device);
  }

  floorOf(device: string): number {
    return this.floors.get(device) ?? 0;
  }

  /**
   * Forgets events older than `hlc` except those `keep` holds on to (unsent ones), raising
   * each device's floor over the forgotten run so the vector stays whole.
   */
  compactBefore(hlc: string, keep: (e: StoreEvent) => boolean = () => false): StoreEvent[] {
    const dropped: StoreEvent[] = [];
    for (const [device, m] of this.byDevice) {
      const gone = new Set<number>();
      for (const [seq, e] of m) {
        if (e.hlc < hlc && !keep(e)) {
          dropped.push(e);
          gone.add(seq);
        }
      }
      if (gone.size === 0) continue;
      for (const seq of gone) m.delete(seq);
      this.count -= gone.size;
      // only a run of forgotten events settles; held ones above it stay unsettled for peers
      let floor = this.floors.get(device) ?? 0;
      while (gone.has(floor + 1)) floor++;
      this.raiseFloor(device, floor);
    }
    return dropped;
  }

  /** Highest contiguous seq held, per device. */
  vector(): Record<string, number> {
    return Object.fromEntries(this.contiguous);
  }

  /** True when some events sit above a gap (so we are missing some). */
  hasGaps(): boolean {
    for (const [device, m] of this.byDevice) {
      const top = this.contiguous.get(device) ?? 0;
      for (const seq of m.keys()) if (seq > top) return true;
    }
    return false;
  }

  /**
   * Events the holder of `theirs` lacks, in seq order per device, optionally only those at or
   * after `since` (a replica that keeps recent days asks for no more).
   * `devices` limits the answer to some devices' events.
   */
  missingFrom(
    theirs: Readonly<Record<string, number>>,
    opts: { devices?: ReadonlySet<string>; since?: string } = {},
  ): StoreEvent[] {
    const out: StoreEvent[] = [];
    for (const [device, m] of this.byDevice) {
      if (opts.devices && !opts.devices.has(device)) continue;
      const known = theirs[device] ?? 0;
      for (const [seq, e] of m) {
        if (seq > known && (opts.since === undefined || e.hlc >= opts.since)) out.push(e);
      }
    }
    return out.sort((a, b) =>
      a.device === b.device ? a.seq - b.seq : a.device < b.device ? -1 : 1,
    );
  }

  /**
   * Floors to tell a peer that asked for events since `since`: for each device, the highest seq
   * before that moment that the peer does not settle yet. A device's seq grows with its clock, so
   * these are exactly the events the peer does not want.
   */
  floorsBefore(theirs: Readonly<Record<string, number>>, since: string): Record<string, number> {
    const out: Record<string, number> = {};
    for (const device of new Set([...this.byDevice.keys(), ...this.floors.keys()])) {
      let floor = this.floors.get(device) ?? 0;
      const m = this.byDevice.get(device);
      if (m) for (const [seq, e] of m) if (e.hlc < since && seq > floor) floor = seq;
      if (floor > (theirs[device] ?? 0)) out[device] = floor;
    }
    return out;
  }

  /**
   * True when `theirs` holds something we do not, not counting what `skip` says we will never
   * hold (events we refused): the run we hold goes on over them.
   */
  behind(
    theirs: Readonly<Record<string, number>>,
    skip: (device: string, seq: number) => boolean = () => false,
  ): boolean {
    for (const [device, seq] of Object.entries(theirs)) {
      let top = this.contiguous.get(device) ?? 0;
      while (top < seq && (this.has(device, top + 1) || skip(device, top + 1))) top++;
      if (top < seq) return true;
    }
    return false;
  }

  /** Every event held, in no particular order. */
  *values(): IterableIterator<StoreEvent> {
    for (const m of this.byDevice.values()) yield* m.values();
  }

  all(): StoreEvent[] {
    const out: StoreEvent[] = [];
    for (const m of this.byDevice.values()) for (const e of m.values()) out.push(e);
    return out.sort(compareEvents);
  }
}
