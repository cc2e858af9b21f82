import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKnownTimeZone, zoneOffsetMs } from './zone-offset.ts';

const HOUR = 3_600_000;

describe('the time-zone offset', () => {
  it('follows daylight saving time: Warsaw is UTC+1 in winter, UTC+2 in summer', () => {
    expect(zoneOffsetMs(Date.UTC(2026, 0, 15, 12), 'Europe/Warsaw')).toBe(HOUR);
    expect(zoneOffsetMs(Date.UTC(2026, 6, 15, 12), 'Europe/Warsaw')).toBe(2 * HOUR);
    // the change, 2026-03-29 01:00 UTC: one second before and at it
    expect(zoneOffsetMs(Date.UTC(2026, 2, 29, 0, 59, 59), 'Europe/Warsaw')).toBe(HOUR);
    expect(zoneOffsetMs(Date.UTC(2026, 2, 29, 1), 'Europe/Warsaw')).toBe(2 * HOUR);
  });

  it('handles zones west of UTC, off the hour, and instants with milliseconds', () => {
    expect(zoneOffsetMs(Date.UTC(2026, 0, 15, 3, 0, 0, 999), 'America/New_York')).toBe(-5 * HOUR);
    expect(zoneOffsetMs(Date.UTC(2026, 0, 15), 'Asia/Kolkata')).toBe(5.5 * HOUR);
    expect(zoneOffsetMs(Date.UTC(2026, 0, 15), 'UTC')).toBe(0);
  });

  it('knows IANA zones and refuses made-up ones', () => {
    expect(isKnownTimeZone('Europe/Warsaw')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isKnownTimeZone('')).toBe(false);
  });
});

/** The same offset from Intl, uncached: what the cache must always agree with. */
function measured(ms: number, timeZone: string): number {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, Number(x.value)]));
  const wall = Date.UTC(p.year!, p.month! - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(ms / 1000) * 1000;
}

// quarter-hour offsets, half-hour daylight saving, the southern hemisphere and a zone that moved
const ZONES = [
  'Europe/Warsaw',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/Sao_Paulo',
  'Africa/Monrovia',
  'UTC',
];

describe('the cached offset', () => {
  it('agrees with Intl at any instant, cached per quarter hour or not', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: -2_000_000_000_000, max: 4_102_444_800_000 }),
        (zone, ms) => {
          expect(zoneOffsetMs(ms, zone)).toBe(measured(ms, zone));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('is right on both sides of a half-hour daylight-saving change (Lord Howe)', () => {
    for (const ms of [Date.UTC(2026, 3, 4, 14, 59), Date.UTC(2026, 3, 4, 15, 1)]) {
      expect(zoneOffsetMs(ms, 'Australia/Lord_Howe')).toBe(measured(ms, 'Australia/Lord_Howe'));
    }
  });

  it('is exact before 1973, when offsets had seconds and changed off the quarter hour', () => {
    // Monrovia left -0:44:30 at 1972-01-07T00:44:30Z
    for (const ms of [Date.UTC(1972, 0, 7, 0, 44, 29), Date.UTC(1972, 0, 7, 0, 44, 40)]) {
      expect(zoneOffsetMs(ms, 'Africa/Monrovia')).toBe(measured(ms, 'Africa/Monrovia'));
    }
  });
});
