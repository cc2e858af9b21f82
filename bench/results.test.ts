import { describe, expect, it } from 'vitest';
import { partialRunPatch } from './results.ts';

describe('a partial bench run (--only) merged into results.json', () => {
  it('replaces its own budget rows, keeps the others and places new rows by number', () => {
    const current = {
      budgets: [{ budget: '3. fanout' }, { budget: '4. stores old' }, { budget: '5. lighthouse' }],
      secondsPerEntry: { fanout: 59, capacity: 100 },
      at: 'full run',
      environment: { loadAverageAtStart: 1 },
    };
    const run = {
      budgets: [
        { budget: '4. stores old', measured: 'new' },
        { budget: '4. one store', measured: 'x' },
      ],
      secondsPerEntry: { capacity: 600 },
      at: 'partial run',
      environment: { loadAverageAtStart: 9 },
    };
    const patch = partialRunPatch(run, current);
    expect(patch.budgets).toEqual([
      { budget: '3. fanout' },
      { budget: '4. stores old', measured: 'new' },
      { budget: '4. one store', measured: 'x' },
      { budget: '5. lighthouse' },
    ]);
    expect(patch.secondsPerEntry).toEqual({ fanout: 59, capacity: 600 });
    // the other entries' figures keep the environment they were measured in
    expect(patch.at).toBe('full run');
    expect(patch.environment).toEqual({ loadAverageAtStart: 1 });
    expect(patch.environmentByEntry).toEqual({ capacity: { loadAverageAtStart: 9 } });
  });
});
