import { describe, expect, it } from 'vitest';
import { partialRunPatch } from './results.ts';

describe('a partial bench run (--only) merged into results.json', () => {
  it('replaces its own budget rows, keeps the others and places new rows by number', () => {
    const current = {
      budgets: [{ budget: '3. fanout' }, { budget: '4. stores old' }, { budget: '5. lighthouse' }],
      secondsPerEntry: { fanout: 59, capacity: 100 },
    };
    const run = {
      budgets: [
        { budget: '4. stores old', measured: 'new' },
        { budget: '4. one store', measured: 'x' },
      ],
      secondsPerEntry: { capacity: 600 },
    };
    const patch = partialRunPatch(run, current);
    expect(patch.budgets).toEqual([
      { budget: '3. fanout' },
      { budget: '4. stores old', measured: 'new' },
      { budget: '4. one store', measured: 'x' },
      { budget: '5. lighthouse' },
    ]);
    expect(patch.secondsPerEntry).toEqual({ fanout: 59, capacity: 600 });
  });
});
