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
