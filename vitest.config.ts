import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // bench/**: bounded versions of the benchmarks (the full runs are npm run bench*)
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts'],
    environment: 'node',
    // A busy 2-core machine (CI) runs property tests several times slower than a quiet one:
    // tests are bounded by their own events, this only catches a hang.
    testTimeout: 30_000,
  },
});
