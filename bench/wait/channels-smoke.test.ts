import { describe, expect, it } from 'vitest';
import { runWaitBench } from './run.ts';

/**
 * The channels scenario, bounded for CI (quick: ten simulated days): a store day with 30% of
 * customers joining from their phone and booked times; walk-ins' estimates within 1.25x of the
 * full-information oracle (RASE) and their 80% ranges covering 75-85% of the waits. The full
 * comparison is `npm run bench:wait -- --only channels-day`.
 */
describe('wait-time benchmark with the channels, CI bound', () => {
  it('meets the targets for walk-ins on a store day with remote joiners and appointments', async () => {
    const r = await runWaitBench({ quick: true, only: ['channels-day'], jobs: 1 });
    expect(r.scenarios.map((s) => s.id)).toEqual(['channels-day']);
    expect(r.targets.map((t) => t.target)).toEqual([
      'walk-ins: RASE within 1.25x of the full-information oracle',
      '80% range covers 75-85% of waits (customers who waited)',
    ]);
    for (const t of r.targets) expect(t, `${t.target}: ${t.value}`).toMatchObject({ met: true });
    const scores = r.scenarios[0]!.scores;
    // only walk-ins are scored, and the simulator dropped phone tickets that never came
    expect(scores['nextup']!.n).toBeLessThan(0.75 * r.scenarios[0]!.customers);
    // knowing the channels beats counting what the log shows (the QL_m oracle told everything)
    expect(scores['nextup']!.rase).toBeLessThan(scores['full-info QL_m']!.rase);
  }, 60_000);
});
