import { describe, expect, it } from 'vitest';
import { stepWhenCalled } from './alerts.ts';

describe('the step a manager was called at', () => {
  const visit = {
    steps: [
      { n: 1, step: 'greeting', at: 100 },
      { n: 2, step: 'checkingOut.asking', at: 200 },
      { n: 3, step: 'escalated', at: 300 },
      { n: 4, step: 'thanking', at: 900 },
    ] as const,
  };

  it('is the last step before the call, also once the visit went on', () => {
    expect(stepWhenCalled({ steps: [...visit.steps] }, { raisedAt: 300 })).toBe(
      'checkingOut.asking',
    );
  });

  it('is unknown without a visit or before its first step', () => {
    expect(stepWhenCalled(undefined, { raisedAt: 300 })).toBeUndefined();
    expect(stepWhenCalled({ steps: [...visit.steps] }, { raisedAt: 50 })).toBeUndefined();
  });
});
