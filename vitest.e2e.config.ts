import { defineConfig } from 'vitest/config';

// Browser and broker tests: one file at a time (two cores), generous timeouts for real I/O.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // expect.poll waits for an event on a page or a broker: bounded by that event, with a
    // margin for a busy 2-core machine (the default second is a wall-clock guess)
    expect: { poll: { timeout: 15_000 } },
  },
});
