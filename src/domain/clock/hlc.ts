/**
 * Hybrid logical clock (Kulkarni et al.): wall time in ms plus a counter, so that
 * events stay causally ordered even when tablets' clocks disagree by minutes.
 * Encoded as a fixed-width string so that string order equals clock order.
 */
export interface Hlc {
  readonly wall: number;
  readonly counter: number;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 5;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;

export const ZERO_HLC: Hlc = { wall: 0, counter: 0 };

export function encodeHlc(h: Hlc): string {
  return `${String(h.wall).padStart(WALL_DIGITS, '0')}-${String(h.counter).padStart(COUNTER_DIGITS, '0')}`;
}

const HLC_PATTERN = /^(\d{15})-(\d{5})$/;

/**
 * The last wall time a store accepts: 9999-12-30T00:00Z, still in year 9999 in every time
 * zone. A later clock has no store day a day file can name (the hub would keep the event
 * where loading never looks), and no honest device sends one.
 */
export const MAX_WALL = Date.UTC(9999, 11, 30);

/** A clock value, and one the store can file (see MAX_WALL). */
export function isHlcString(s: string): boolean {
  const m = HLC_PATTERN.exec(s);
  return m !== null && Number(m[1]) <= MAX_WALL;
}

export function decodeHlc(s: string): Hlc {
  const m = HLC_PATTERN.exec(s);
  if (!m) throw new Error(`not a hybrid logical clock value: ${JSON.stringify(s)}`);
  return { wall: Number(m[1]), counter: Number(m[2]) };
}

export function compareHlc(a: Hlc, b: Hlc): number {
  return a.wall - b.wall || a.counter - b.counter;
}

export function wallOf(hlc: string): number {
  return Number(hlc.slice(0, WALL_DIGITS));
}

function bump(wall: number, counter: number): Hlc {
  if (counter > MAX_COUNTER) return { wall: wall + 1, counter: 0 };
  return { wall, counter };
}

/** Time for a local event (or a send). Never goes backwards even if the wall clock does. */
export function tick(last: Hlc, now: number): Hlc {
  if (now > last.wall) return { wall: now, counter: 0 };
  return bump(last.wall, last.counter + 1);
}

/** Merge a remote timestamp so that later local events sort after everything seen. */
export function receive(last: Hlc, remote: Hlc, now: number): Hlc {
  const wall = Math.max(last.wall, remote.wall, now);
  if (wall === last.wall && wall === remote.wall) {
    return bump(wall, Math.max(last.counter, remote.counter) + 1);
  }
  if (wall === last.wall) return bump(wall, last.counter + 1);
  if (wall === remote.wall) return bump(wall, remote.counter + 1);
  return { wall, counter: 0 };
}

export function maxHlc(a: Hlc, b: Hlc): Hlc {
  return compareHlc(a, b) >= 0 ? a : b;
}
