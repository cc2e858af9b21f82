import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isKnownTimeZone,
  measureOffsetSpans,
  rememberOffsets,
  zoneOffsetMs,
} from './zone-offset.ts';

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
  'Antarctica/Casey',
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

  it("is exact where an offset changed inside a quarter hour (St John's until 2011, Casey)", () => {
    const changes: [string, number][] = [
      ['America/St_Johns', Date.UTC(2010, 10, 7, 2, 31)],
      ['Antarctica/Casey', Date.UTC(2020, 9, 3, 16, 1)],
    ];
    for (const [zone, at] of changes) {
      for (const ms of [at - 1000, at, at + 30_000]) {
        expect(zoneOffsetMs(ms, zone)).toBe(measured(ms, zone));
      }
      expect(zoneOffsetMs(at - 1000, zone)).not.toBe(zoneOffsetMs(at, zone));
      const spans = measureOffsetSpans(zone, at - 3 * HOUR, at + 3 * HOUR);
      expect(spans.map((s) => s.from)).toEqual([at - 3 * HOUR, at]);
    }
  });

  it('is exact before 1973, when offsets had seconds and changed off the quarter hour', () => {
    // Monrovia left -0:44:30 at 1972-01-07T00:44:30Z
    for (const ms of [Date.UTC(1972, 0, 7, 0, 44, 29), Date.UTC(1972, 0, 7, 0, 44, 40)]) {
      expect(zoneOffsetMs(ms, 'Africa/Monrovia')).toBe(measured(ms, 'Africa/Monrovia'));
    }
  });
});

describe('offsets kept between starts', () => {
  it('measures spans that cover the window, change offset at each border and agree with Intl', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 100_000_000_000, max: 4_000_000_000_000 }),
        fc.integer({ min: 1, max: 10 * 24 * HOUR }),
        // the window is [from, from + length): a probe of 1 would land on its end
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), {
          minLength: 5,
          maxLength: 5,
        }),
        (zone, from, length, probes) => {
          const spans = measureOffsetSpans(zone, from, from + length);
          expect(spans[0]!.from).toBeLessThanOrEqual(from);
          expect(spans.at(-1)!.to).toBeGreaterThanOrEqual(from + length);
          for (let i = 1; i < spans.length; i++) {
            expect(spans[i]!.from).toBe(spans[i - 1]!.to);
            expect(spans[i]!.offset).not.toBe(spans[i - 1]!.offset);
            // each border is the change itself: a millisecond before it, the old offset
            expect(measured(spans[i]!.from, zone)).toBe(spans[i]!.offset);
            expect(measured(spans[i]!.from - 1, zone)).toBe(spans[i - 1]!.offset);
          }
          for (const p of [...probes, 0]) {
            const at = from + Math.floor(p * length);
            const span = spans.find((s) => at >= s.from && at < s.to)!;
            expect(span.offset).toBe(measured(at, zone));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("finds Warsaw's spring change to the minute", () => {
    const spans = measureOffsetSpans('Europe/Warsaw', Date.UTC(2026, 2, 28), Date.UTC(2026, 2, 30));
    expect(spans).toEqual([
      { from: Date.UTC(2026, 2, 28), to: Date.UTC(2026, 2, 29, 1), offset: HOUR },
      { from: Date.UTC(2026, 2, 29, 1), to: Date.UTC(2026, 2, 30), offset: 2 * HOUR },
    ]);
  });

  it('answers from remembered spans without asking Intl, and ignores malformed ones', () => {
    // a zone no other test uses; the remembered offset is marked so the answer shows its source
    const zone = 'Antarctica/Troll';
    const from = Date.UTC(2026, 5, 1);
    rememberOffsets(zone, [
      { from, to: from + HOUR, offset: 7 * HOUR },
      { from: from + HOUR, to: from + 2 * HOUR, offset: 'x' },
      { from: from + 2 * HOUR + 1, to: from + 3 * HOUR, offset: 0 },
      { from: from + 3 * HOUR, to: from + 4 * HOUR, offset: 19 * HOUR },
      null,
    ]);
    expect(zoneOffsetMs(from + 1000, zone)).toBe(7 * HOUR);
    expect(zoneOffsetMs(from + HOUR + 1000, zone)).toBe(measured(from + HOUR + 1000, zone));
    expect(zoneOffsetMs(from + 2 * HOUR + 1000, zone)).toBe(measured(from + 2 * HOUR + 1000, zone));
    expect(zoneOffsetMs(from + 3 * HOUR + 1000, zone)).toBe(measured(from + 3 * HOUR + 1000, zone));
    rememberOffsets('Mars/Olympus_Mons', 'not a list');
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
