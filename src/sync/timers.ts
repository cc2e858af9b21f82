import type { Clock } from './ports.ts';

/**
 * Owns a replica's named one-shot timers on the Clock port: at most one pending timer per
 * name, so "announce soon" asked for twice is one announcement, and close cancels them all.
 */
export class Timers {
  private readonly pending = new Map<string, () => void>();

  constructor(private readonly clock: Clock) {}

  has(name: string): boolean {
    return this.pending.has(name);
  }

  /** Runs `fn` after `ms` unless a timer of this name is already pending. */
  once(name: string, ms: number, fn: () => void): void {
    if (!this.pending.has(name)) this.start(name, ms, fn);
  }

  /** Runs `fn` after `ms`; a pending timer of this name is cancelled. */
  restart(name: string, ms: number, fn: () => void): void {
    this.cancel(name);
    this.start(name, ms, fn);
  }

  cancel(name: string): void {
    this.pending.get(name)?.();
    this.pending.delete(name);
  }

  cancelAll(): void {
    for (const cancel of this.pending.values()) cancel();
    this.pending.clear();
  }

  private start(name: string, ms: number, fn: () => void): void {
    const cancel = this.clock.after(ms, () => {
      if (this.pending.get(name) === cancel) this.pending.delete(name);
      fn();
    });
    this.pending.set(name, cancel);
  }
}
