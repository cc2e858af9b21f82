/**
 * The one rule that turns a wait in seconds into the minutes people read. Every surface goes
 * through it: the kiosk's service tiles and ticket, the lobby board, the tracking page, the
 * floor view, the manager's live board, and the public `wait/{service}/minutes` topic. With one
 * rule, two screens that hold the same estimate show the same number.
 *
 * The rule rounds up: a customer told "about 9 minutes" who is called after 9 min 40 s was
 * promised a shorter wait than the estimate; "about 10 minutes" never is.
 */

/** Whole minutes of a wait, rounded up (0 for no wait). */
export function minutesOfWait(sec: number): number {
  return sec <= 0 ? 0 : Math.ceil(sec / 60);
}

export type WaitInMinutes =
  /**
   * No open counter serves the service: no number, only "No counter is open for this right
   * now" (with the time it opens once the store has opening hours: `opensAt`).
   */
  | { readonly kind: 'noCounter'; readonly opensAt: number | undefined }
  | { readonly kind: 'underMinute' }
  | {
      readonly kind: 'about';
      readonly estimate: number;
      readonly low: number;
      readonly high: number;
    };

/** A wait with its range in seconds, or the fact that no counter serves it (queue-state.ts). */
export type WaitSeconds =
  | {
      readonly noCounter?: false;
      readonly estimateSec: number;
      readonly lowSec: number;
      readonly highSec: number;
    }
  | { readonly noCounter: true; readonly opensAt: number | undefined };

/**
 * A wait estimate with its range, as minutes a customer can read: no number at all when no
 * counter serves it; "under a minute" when even the high end is below a minute; otherwise the
 * estimate rounded up (at least 1), and the range widened outwards (low down, high up) so that
 * it always holds the estimate.
 */
export function waitInMinutes(w: WaitSeconds): WaitInMinutes {
  if (w.noCounter) return { kind: 'noCounter', opensAt: w.opensAt };
  if (w.highSec < 60) return { kind: 'underMinute' };
  const estimate = Math.max(1, minutesOfWait(w.estimateSec));
  const low = Math.min(estimate, Math.floor(Math.max(0, w.lowSec) / 60));
  const high = Math.max(estimate, minutesOfWait(w.highSec));
  return { kind: 'about', estimate, low, high };
}
