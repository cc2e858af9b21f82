/**
 * The store link's cursor: per device, which of its events the chain has acknowledged. The
 * highest contiguous acknowledged seq, plus the few acknowledged above a gap (an older event
 * still unacknowledged, or not yet received from its device), so an acknowledged event is
 * never sent again after a restart, however long after the chain's deduplication window.
 */

export interface DeviceCursor {
  /** Every seq up to this one is acknowledged (0: none). */
  upTo: number;
  /** Acknowledged seqs above `upTo + 1`. */
  readonly above: Set<number>;
}

export type Cursor = Map<string, DeviceCursor>;

/** The cursor as written to disk (`<data>/<store>/chain/cursor.json`). */
export interface PersistedCursor {
  readonly devices: Record<string, { readonly upTo: number; readonly above?: readonly number[] }>;
}

export function covered(cursor: Cursor, device: string, seq: number): boolean {
  const d = cursor.get(device);
  return d !== undefined && (seq <= d.upTo || d.above.has(seq));
}

/** Records one acknowledgement; false when it was already recorded. */
export function markAcked(cursor: Cursor, device: string, seq: number): boolean {
  let d = cursor.get(device);
  if (!d) cursor.set(device, (d = { upTo: 0, above: new Set() }));
  if (seq <= d.upTo || d.above.has(seq)) return false;
  if (seq !== d.upTo + 1) {
    d.above.add(seq);
    return true;
  }
  d.upTo = seq;
  while (d.above.delete(d.upTo + 1)) d.upTo++;
  return true;
}

export function toPersisted(cursor: Cursor): PersistedCursor {
  const devices: Record<string, { upTo: number; above?: number[] }> = {};
  for (const [device, d] of [...cursor].sort(([a], [b]) => (a < b ? -1 : 1))) {
    devices[device] =
      d.above.size > 0
        ? { upTo: d.upTo, above: [...d.above].sort((a, b) => a - b) }
        : { upTo: d.upTo };
  }
  return { devices };
}

export function fromPersisted(p: PersistedCursor): Cursor {
  const cursor: Cursor = new Map();
  for (const [device, d] of Object.entries(p.devices)) {
    cursor.set(device, { upTo: d.upTo, above: new Set(d.above ?? []) });
  }
  return cursor;
}

const seqOk = (n: unknown): n is number =>
  typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/** Reads a cursor file's text; the error says what is wrong (the caller names the file). */
export function parseCursor(text: string): PersistedCursor {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error(`not JSON (${(err as Error).message})`, { cause: err });
  }
  const devices = (raw as { devices?: unknown } | null)?.devices;
  if (typeof devices !== 'object' || devices === null || Array.isArray(devices))
    throw new Error('"devices" must be an object');
  const out: Record<string, { upTo: number; above?: number[] }> = {};
  for (const [device, d] of Object.entries(devices as Record<string, unknown>)) {
    const { upTo, above } = (d ?? {}) as { upTo?: unknown; above?: unknown };
    if (!seqOk(upTo)) throw new Error(`device ${device}: "upTo" must be a whole number`);
    if (above !== undefined && !(Array.isArray(above) && above.every(seqOk)))
      throw new Error(`device ${device}: "above" must be a list of whole numbers`);
    out[device] = above ? { upTo, above } : { upTo };
  }
  return { devices: out };
}
