import { testConfigDir } from '../../test/support/hub.ts';

/**
 * The shipped store configuration, with what a benchmark needs changed: one kiosk taps
 * quickly (no per-kiosk rate limit) and the kiosks' number ranges hold a very busy day.
 */
export function benchConfigDir(): string {
  return testConfigDir((c) => {
    (c.kiosk as Record<string, unknown>).rateLimit = { maxTickets: 1000, windowSec: 1 };
    c.kiosks = (c.kiosks as Record<string, unknown>[]).map((k, i) => ({
      ...k,
      range: { from: 1 + i * 100_000, to: (i + 1) * 100_000 - 1 },
    }));
  });
}
