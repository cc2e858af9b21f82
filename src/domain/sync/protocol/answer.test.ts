import { describe, expect, it } from 'vitest';
import { ev } from '../../testing/store.ts';
import { CATCH_UP_LIMITS } from '../catch-up.ts';
import { EventLog } from '../event-log.ts';
import { planAnswer, type AnswerInput } from './answer.ts';

const log = new EventLog();
for (let i = 1; i <= 3; i++) {
  log.add(ev('kiosk-a', i, 1000 + i, { type: 'staff.signedIn', staff: `s${i}` }));
  log.add(ev('clerk-b', i, 2000 + i, { type: 'staff.signedIn', staff: `t${i}` }));
}

const base = (over: Partial<AnswerInput>): AnswerInput => ({
  log,
  self: 'agent-s',
  from: 'clerk-c',
  theirs: {},
  part: 'all',
  now: 10_000,
  inFlight: () => false,
  limits: CATCH_UP_LIMITS,
  ...over,
});

describe('an answer to a peer that lacks events, as a pure plan', () => {
  it('the agent sends the asker everything it lacks, on the asker’s topic, and spends its budget', () => {
    const plan = planAnswer(base({ theirs: { 'kiosk-a': 1 } }));
    expect(plan?.to).toBe('asker');
    expect(plan?.events.map((e) => e.id).sort()).toEqual([
      'clerk-b:1',
      'clerk-b:2',
      'clerk-b:3',
      'kiosk-a:2',
      'kiosk-a:3',
    ]);
    expect(plan?.events).toHaveLength(5);
    expect(plan?.budget).toBeDefined();
  });

  it('never sends a device its own events, and nothing when it lacks nothing', () => {
    const plan = planAnswer(base({ from: 'clerk-b' }));
    expect(plan?.events.every((e) => e.device !== 'clerk-b')).toBe(true);
    expect(planAnswer(base({ theirs: { 'kiosk-a': 3, 'clerk-b': 3 } }))).toBeUndefined();
  });

  it('a device sends the agent only its own events, and not those still in flight', () => {
    const own = planAnswer(
      base({ self: 'kiosk-a', from: 'agent-s', part: 'own', inFlight: (id) => id === 'kiosk-a:3' }),
    );
    expect(own?.to).toBe('own');
    expect(own?.events.map((e) => e.id)).toEqual(['kiosk-a:1', 'kiosk-a:2']);
  });

  it('a spent budget holds events back and says how many', () => {
    const limits = { ...CATCH_UP_LIMITS, burstEvents: 2, refillPerSec: 0, perHeldEvent: 0 };
    const plan = planAnswer(base({ limits }));
    expect(plan?.events).toHaveLength(2);
    expect(plan?.withheld).toBe(4);
  });

  it('the budget grows with what the agent holds: a new device gets all of a busy day at once', () => {
    const limits = { ...CATCH_UP_LIMITS, burstEvents: 2, refillPerSec: 0, perHeldEvent: 1 };
    const plan = planAnswer(base({ limits }));
    expect(plan?.events).toHaveLength(6);
    expect(plan?.withheld).toBe(0);
  });
});
