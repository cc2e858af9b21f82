import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // bench/**: bounded versions of the benchmarks (the full runs are npm run bench*)
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts'],
    environment: 'node',
  },
});
