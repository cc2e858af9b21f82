/**
 * Failed attempts (wrong pairing codes) counted per remote address over a sliding window, with
 * a ceiling for all addresses together. Memory is bounded: at most `maxAddresses` addresses,
 * each with at most `perAddress` times, and `total` times in all.
 */
export interface FailureLimits {
  readonly perAddress: number;
  readonly total: number;
  readonly windowMs: number;
  /** Addresses remembered at once; past it, the one that failed longest ago is forgotten. */
  readonly maxAddresses: number;
}

/** Who is paused: this address, or every address (the ceiling for all of them). */
export type FailureBlock = 'address' | 'everyone';

export class FailureLimiter {
  private readonly byAddress = new Map<string, number[]>();
  private all: number[] = [];

  constructor(private readonly limits: FailureLimits) {}

  blocked(address: string, now: number): FailureBlock | undefined {
    if (this.recent(address, now).length >= this.limits.perAddress) return 'address';
    this.all = this.inWindow(this.all, now);
    if (this.all.length >= this.limits.total) return 'everyone';
    return undefined;
  }

  fail(address: string, now: number): void {
    const mine = [...this.recent(address, now), now].slice(-this.limits.perAddress);
    // re-inserted, so the map's first key is always the address that failed longest ago
    this.byAddress.delete(address);
    this.byAddress.set(address, mine);
    if (this.byAddress.size > this.limits.maxAddresses) {
      this.byAddress.delete(this.byAddress.keys().next().value!);
    }
    this.all = [...this.inWindow(this.all, now), now].slice(-this.limits.total);
  }

  private recent(address: string, now: number): number[] {
    const mine = this.inWindow(this.byAddress.get(address) ?? [], now);
    if (mine.length === 0) this.byAddress.delete(address);
    return mine;
  }

  private inWindow(times: readonly number[], now: number): number[] {
    const from = times.findIndex((t) => now - t < this.limits.windowMs);
    return from < 0 ? [] : times.slice(from);
  }
}
