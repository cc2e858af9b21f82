import type { ManagerPinConfig } from '../config/types.ts';
import { sha256Hex } from './sha256.ts';

/**
 * The kiosk's manager PIN. The configuration holds only a salted, iterated SHA-256 of it,
 * because every device (and any phone on the store network) can read /api/config. It keeps
 * customers out of the kiosk settings; it is not a password for anything that matters.
 */
export function hashPin(pin: string, salt: string, iterations: number): string {
  let h = `${salt}:${pin}`;
  for (let i = 0; i < Math.max(1, iterations); i++) h = sha256Hex(h);
  return h;
}

export function verifyPin(pin: string, cfg: ManagerPinConfig): boolean {
  return hashPin(pin, cfg.salt, cfg.iterations) === cfg.sha256.toLowerCase();
}

/** Wrong PINs in a row before the pad locks, and for how long. */
export const MAX_PIN_FAILURES = 5;
export const PIN_LOCK_MS = 60_000;

export interface PinGuard {
  readonly failures: number;
  /** Until when (ms) the pad refuses every PIN; 0 when open. */
  readonly lockedUntil: number;
}

export const OPEN_PIN_GUARD: PinGuard = { failures: 0, lockedUntil: 0 };

export function isLocked(guard: PinGuard, now: number): boolean {
  return now < guard.lockedUntil;
}

/** After a wrong PIN: counts it, and locks the pad for a minute after too many in a row. */
export function afterWrongPin(guard: PinGuard, now: number): PinGuard {
  const failures = guard.failures + 1;
  if (failures >= MAX_PIN_FAILURES) return { failures: 0, lockedUntil: now + PIN_LOCK_MS };
  return { failures, lockedUntil: 0 };
}

/** Tries left before the pad locks. */
export function triesLeft(guard: PinGuard): number {
  return MAX_PIN_FAILURES - guard.failures;
}

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
