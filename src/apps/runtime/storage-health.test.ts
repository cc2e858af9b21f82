import { describe, expect, it } from 'vitest';
import { isQuotaError, isStorageLow } from './storage-health.ts';

const MB = 1024 * 1024;

describe('storage health', () => {
  it('is low under 50 MB or 10% free, and never from unknown numbers', () => {
    expect(isStorageLow(100 * MB, 1000 * MB)).toBe(false);
    expect(isStorageLow(960 * MB, 1000 * MB)).toBe(true);
    expect(isStorageLow(9_100 * MB, 10_000 * MB)).toBe(true);
    expect(isStorageLow(0, 0)).toBe(false);
    expect(isStorageLow(Number.NaN, 100)).toBe(false);
  });

  it('recognises a quota failure as the replica reports it', () => {
    expect(isQuotaError('local storage failed: QuotaExceededError: disk full')).toBe(true);
    expect(isQuotaError('local storage failed: AbortError')).toBe(false);
  });
});
