import { describe, expect, it } from 'vitest';
import { FailureLimiter } from './failure-limiter.ts';

const limits = { perAddress: 3, total: 5, windowMs: 60_000, maxAddresses: 4 };

describe('FailureLimiter', () => {
  it('pauses the address that failed too often, not the others', () => {
    const l = new FailureLimiter(limits);
    for (let i = 0; i < 3; i++) l.fail('10.0.0.66', 1000 + i);
    expect(l.blocked('10.0.0.66', 2000)).toBe('address');
    expect(l.blocked('10.0.0.7', 2000)).toBeUndefined();
    // a minute after its first failure, the address may try again
    expect(l.blocked('10.0.0.66', 61_001)).toBeUndefined();
  });

  it('pauses everyone past the ceiling for all addresses, until the window moves on', () => {
    const l = new FailureLimiter(limits);
    ['a', 'a', 'b', 'b', 'c'].forEach((addr, i) => l.fail(addr, i));
    expect(l.blocked('fresh', 10)).toBe('everyone');
    expect(l.blocked('fresh', 60_001)).toBeUndefined();
  });

  it('remembers a bounded number of addresses, forgetting the oldest failure first', () => {
    const l = new FailureLimiter({ ...limits, total: 1000 });
    for (let i = 0; i < 3; i++) l.fail('old', i);
    for (const addr of ['b', 'c', 'd', 'e']) l.fail(addr, 10);
    expect(l.blocked('old', 20)).toBeUndefined();
    for (let i = 0; i < 3; i++) l.fail('e', 20 + i);
    expect(l.blocked('e', 30)).toBe('address');
  });
});
