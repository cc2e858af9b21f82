/**
 * The one time-zone offset helper: how far a zone's wall clock is from UTC at an instant. Uses
 * only Intl (ECMAScript), so devices and the hub agree; the store day (queue/day.ts) and the
 * local time of day (portable/time.ts) both read it.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's wall-clock formatter, made once per zone; throws RangeError for an unknown zone. */
function wallClock(timeZone: string): Intl.DateTimeFormat {
  // making a formatter costs far more than using one
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether Intl knows `timeZone` (an IANA name such as "Europe/Warsaw"). */
export function isKnownTimeZone(timeZone: string): boolean {
  // offsets remembered from Intl before: it knew the zone then
  if (remembered.has(timeZone)) return true;
  try {
    wallClock(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Offsets by zone and quarter hour: formatToParts is the hub's costliest call per stored event
 * without it. Nearly every change of offset falls on a quarter hour of UTC, so one lookup
 * serves the whole block; a block whose first and last second differ (St John's changed at
 * 00:01 local until 2011, Casey station at 16:01 UTC in 2020-2022) is measured at each instant.
 */
const QUARTER_MS = 15 * 60_000;
const SECOND_MS = 1000;
const HOUR_MS = 3_600_000;
const MAX_CACHED = 4096;
/** A block's offset, or null when it changes inside the block. */
const cache = new Map<string, Map<number, number | null>>();

/** Local time minus UTC, in ms, at the instant `ms` (whole seconds: zones have no finer). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  let zone = cache.get(timeZone);
  if (!zone) cache.set(timeZone, (zone = new Map<number, number | null>()));
  const block = Math.floor(ms / QUARTER_MS);
  let offset = zone.get(block);
  if (offset === undefined) {
    offset = blockOffset(block * QUARTER_MS, timeZone);
    if (zone.size >= MAX_CACHED) zone.clear();
    zone.set(block, offset);
  }
  return offset ?? measuredOffsetMs(ms, timeZone);
}

function blockOffset(from: number, timeZone: string): number | null {
  const last = from + QUARTER_MS - SECOND_MS;
  const kept = rememberedOffset(from, last, timeZone);
  if (kept !== undefined) return kept;
  const offset = measuredOffsetMs(from, timeZone);
  return measuredOffsetMs(last, timeZone) === offset ? offset : null;
}

/** A stretch of time, [from, to) in UTC ms, in which a zone's offset stays `offset`. */
export interface OffsetSpan {
  readonly from: number;
  readonly to: number;
  readonly offset: number;
}

/**
 * Offsets a device measured on an earlier start and kept: answered without Intl, whose first
 * use in a fresh page (loading the zone data) cost a kiosk's cold start 50–110 ms at 4x CPU.
 */
const remembered = new Map<string, readonly OffsetSpan[]>();

/** Takes offsets measured before (by measureOffsetSpans); anything malformed is ignored. */
export function rememberOffsets(timeZone: string, spans: unknown): void {
  if (!Array.isArray(spans)) return;
  const valid = spans.filter(isOffsetSpan);
  if (valid.length > 0) remembered.set(timeZone, valid);
}

/** No zone is further than 14 h from UTC (Kiribati); 18 h is ECMAScript's limit. */
const MAX_OFFSET_MS = 18 * HOUR_MS;

function isOffsetSpan(x: unknown): x is OffsetSpan {
  if (typeof x !== 'object' || x === null) return false;
  const { from, to, offset } = x as Record<string, unknown>;
  const whole = (n: unknown): n is number =>
    Number.isSafeInteger(n) && (n as number) % SECOND_MS === 0;
  return (
    whole(from) && whole(to) && whole(offset) && from < to && Math.abs(offset) <= MAX_OFFSET_MS
  );
}

/** The offset of a span holding both `from` and `last`, if one was remembered. */
function rememberedOffset(from: number, last: number, timeZone: string): number | undefined {
  const spans = remembered.get(timeZone);
  if (!spans) return undefined;
  for (const s of spans) if (from >= s.from && last < s.to) return s.offset;
  return undefined;
}

/**
 * The zone's offsets over [from, to), measured with Intl (never from remembered spans, so what
 * a device keeps is checked again each time), as few spans: the last second of each hour is
 * looked at, and a change found to its second by halving. For a device to keep.
 */
export function measureOffsetSpans(timeZone: string, from: number, to: number): OffsetSpan[] {
  const start = Math.floor(from / SECOND_MS) * SECOND_MS;
  const end = Math.max(start + SECOND_MS, Math.ceil(to / SECOND_MS) * SECOND_MS);
  const spans: OffsetSpan[] = [];
  let spanFrom = start;
  let offset = measuredOffsetMs(start, timeZone);
  for (let t = start; t < end;) {
    const last = Math.min(t + HOUR_MS, end) - SECOND_MS;
    if (measuredOffsetMs(last, timeZone) === offset) {
      t = last + SECOND_MS;
      continue;
    }
    // the first second from t on with another offset: the one before t has ours (the start's
    // by definition), `other` has not
    let same = t - SECOND_MS;
    let other = last;
    while (other - same > SECOND_MS) {
      const mid = same + Math.floor((other - same) / SECOND_MS / 2) * SECOND_MS;
      if (measuredOffsetMs(mid, timeZone) === offset) same = mid;
      else other = mid;
    }
    spans.push({ from: spanFrom, to: other, offset });
    spanFrom = t = other;
    offset = measuredOffsetMs(other, timeZone);
  }
  spans.push({ from: spanFrom, to: end, offset });
  return spans;
}

function measuredOffsetMs(ms: number, timeZone: string): number {
  const parts = wallClock(timeZone).formatToParts(ms);
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return wall - Math.floor(ms / 1000) * 1000;
}
