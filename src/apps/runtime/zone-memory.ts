import { measureOffsetSpans, rememberOffsets } from '../../domain/clock/zone-offset.ts';

/**
 * Keeps the store zone's offsets on the device between starts (src/domain/clock/zone-offset.ts):
 * the first Intl date formatter of a fresh page loads the zone data, 50–110 ms of a kiosk's
 * cold start at 4x CPU, before its first screen. The kept offsets answer instead; a start too
 * far from the last (or with another zone) asks Intl as before.
 */
const KEY = 'nextup.zoneOffsets';
const DAY_MS = 86_400_000;

/** Takes what an earlier start kept, if it is for this zone. */
export function recallZoneOffsets(timeZone: string): void {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw === null) return;
    const kept = JSON.parse(raw) as { timeZone?: unknown; spans?: unknown } | null;
    if (kept?.timeZone === timeZone) rememberOffsets(timeZone, kept.spans);
  } catch {
    // unreadable: Intl answers
  }
}

/**
 * Measures and keeps the offsets from 3 days back (the kept days' start) to 4 days ahead, for
 * the next starts. Run once the screen is up: it costs a few ms and Intl's zone data.
 */
export function keepZoneOffsets(timeZone: string, now: number): void {
  try {
    const spans = measureOffsetSpans(timeZone, now - 3 * DAY_MS, now + 4 * DAY_MS);
    localStorage.setItem(KEY, JSON.stringify({ timeZone, spans }));
  } catch {
    // storage full or blocked: the next start asks Intl
  }
}
