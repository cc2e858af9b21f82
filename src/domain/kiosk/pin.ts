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

/** A PIN as the config keeps it: `salt` should be random and new for every PIN. */
export function pinConfig(pin: string, salt: string, iterations: number): ManagerPinConfig {
  return { salt, iterations, sha256: hashPin(pin, salt, iterations) };
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

// the gesture has its own file: the kiosk's first screen needs it, not the PIN hashing
export { cornerTap, GESTURE_TAPS, GESTURE_WITHIN_MS } from './corner-gesture.ts';
