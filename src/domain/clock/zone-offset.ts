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
  try {
    wallClock(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Offsets by zone and quarter hour. Since 1973 every zone's offset is whole quarter hours and
 * changes on a quarter hour of UTC (Monrovia kept -0:44:30 until 1972), so one lookup serves the whole block; formatToParts is
 * the hub's costliest call per stored event without it.
 */
const QUARTER_MS = 15 * 60_000;
const MAX_CACHED = 4096;
/** 1973-01-01T00:00Z. */
const QUARTERS_SINCE = 94_694_400_000;
const cache = new Map<string, Map<number, number>>();

/** Local time minus UTC, in ms, at the instant `ms` (whole seconds: zones have no finer). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  if (ms < QUARTERS_SINCE) return measuredOffsetMs(ms, timeZone);
  let zone = cache.get(timeZone);
  if (!zone) cache.set(timeZone, (zone = new Map<number, number>()));
  const block = Math.floor(ms / QUARTER_MS);
  let offset = zone.get(block);
  if (offset === undefined) {
    offset = measuredOffsetMs(block * QUARTER_MS, timeZone);
    if (zone.size >= MAX_CACHED) zone.clear();
    zone.set(block, offset);
  }
  return offset;
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
