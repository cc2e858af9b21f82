import { compareEvents, type StoreEvent } from '../queue/events.ts';

/**
 * The set of events a replica holds, indexed per device so that the version vector
 * (highest contiguous seq per device) and "what does a peer miss" are cheap.
 * Adding is idempotent: the same event (device+seq) is kept once.
 */
export class EventLog {
  private readonly byDevice = new Map<string, Map<number, StoreEvent>>();
  private readonly contiguous = new Map<string, number>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  has(device: string, seq: number): boolean {
    return this.byDevice.get(device)?.has(seq) ?? false;
  }

  get(device: string, seq: number): StoreEvent | undefined {
    return this.byDevice.get(device)?.get(seq);
  }

  /** Returns true when the event is new. */
  add(e: StoreEvent): boolean {
    let m = this.byDevice.get(e.device);
    if (!m) {
      m = new Map();
      this.byDevice.set(e.device, m);
    }
    if (m.has(e.seq)) return false;
    m.set(e.seq, e);
    this.count++;
    let top = this.contiguous.get(e.device) ?? 0;
    while (m.has(top + 1)) top++;
    this.contiguous.set(e.device, top);
    return true;
  }

  /** Highest contiguous seq held, per device. */
  vector(): Record<string, number> {
    return Object.fromEntries(this.contiguous);
  }

  /** True when some events sit above a gap (so we are missing some). */
  hasGaps(): boolean {
    for (const [device, m] of this.byDevice)
      if (m.size !== (this.contiguous.get(device) ?? 0)) return true;
    return false;
  }

  /**
   * Events the holder of `theirs` lacks, in seq order per device.
   * `devices` limits the answer (a device serves only its own events; the agent serves all).
   */
  missingFrom(
    theirs: Readonly<Record<string, number>>,
    devices?: ReadonlySet<string>,
  ): StoreEvent[] {
    const out: StoreEvent[] = [];
    for (const [device, m] of this.byDevice) {
      if (devices && !devices.has(device)) continue;
      const known = theirs[device] ?? 0;
      if (m.size === 0) continue;
      for (const [seq, e] of m) if (seq > known) out.push(e);
    }
    return out.sort((a, b) =>
      a.device === b.device ? a.seq - b.seq : a.device < b.device ? -1 : 1,
    );
  }

  /** True when `theirs` holds something we do not. */
  behind(theirs: Readonly<Record<string, number>>): boolean {
    for (const [device, seq] of Object.entries(theirs))
      if (seq > (this.contiguous.get(device) ?? 0)) return true;
    return false;
  }

  all(): StoreEvent[] {
    const out: StoreEvent[] = [];
    for (const m of this.byDevice.values()) for (const e of m.values()) out.push(e);
    return out.sort(compareEvents);
  }
}
