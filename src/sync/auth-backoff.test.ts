import { describe, expect, it } from 'vitest';
import { authBackoffMs } from './mqtt-transport.ts';

describe('waiting after refused credentials', () => {
  it('doubles from the usual period and stops at the cap', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7, 100].map((n) => authBackoffMs(n, 1000, 60_000));
    expect(waits).toEqual([2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });
});
