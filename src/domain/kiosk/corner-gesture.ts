/**
 * The hidden gesture: `taps` taps on the kiosk's corner within `withinMs`. Returns the taps
 * to remember and whether the gesture is complete.
 */
export const GESTURE_TAPS = 5;
export const GESTURE_WITHIN_MS = 4000;

export function cornerTap(
  previous: readonly number[],
  now: number,
): { readonly taps: number[]; readonly complete: boolean } {
  const taps = [...previous.filter((t) => now - t < GESTURE_WITHIN_MS && t <= now), now];
  if (taps.length >= GESTURE_TAPS) return { taps: [], complete: true };
  return { taps, complete: false };
}
