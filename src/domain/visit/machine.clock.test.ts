import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { visitMachine } from './machine.ts';
import { persistVisit, resumeVisit, startVisit, type VisitActor } from './persist.ts';
import { stepOf } from './steps.ts';
import { RECHECK, T0, testInput } from './testing.ts';

/** A clock at T0 (wall-clock ms), so event stamps and timer time agree as in the app. */
function clockAt(ms: number): SimulatedClock {
  const clock = new SimulatedClock();
  clock.set(ms);
  return clock;
}

const step = (actor: VisitActor) => stepOf(actor.getSnapshot().value);

/** Greets, offers help, is declined at `clock.now()`: the re-check is armed for +3 min. */
function browsingVisit(clock: SimulatedClock): VisitActor {
  const actor = startVisit(testInput, clock);
  actor.send({ type: 'GREETED', at: clock.now() });
  actor.send({ type: 'HELP_DECLINED', at: clock.now() });
  return actor;
}

/** Persists at `persistAfter` ms of browsing and restores into a fresh actor and clock. */
function reloadAfter(persistAfter: number, restoreAfter = persistAfter) {
  const clock = clockAt(T0);
  const first = browsingVisit(clock);
  clock.increment(persistAfter);
  const saved: unknown = JSON.parse(JSON.stringify(persistVisit(first)));
  first.stop();
  const clock2 = clockAt(T0 + restoreAfter);
  const actor = resumeVisit(saved as ReturnType<typeof persistVisit>, clock2.now(), clock2);
  return { actor, clock: clock2 };
}

describe('visit re-check reminder on a simulated clock', () => {
  it('fires at the deadline, not before', () => {
    const clock = clockAt(T0);
    const actor = browsingVisit(clock);
    expect(actor.getSnapshot().context.reminderAt).toBe(T0 + RECHECK);
    clock.increment(RECHECK - 1);
    expect(step(actor)).toBe('browsing.looking');
    clock.increment(1);
    expect(step(actor)).toBe('browsing.reminderDue');
    expect(actor.getSnapshot().context.steps.at(-1)).toEqual({
      n: 4,
      step: 'browsing.reminderDue',
      at: T0 + RECHECK,
    });
  });

  it('uses the configured delay', () => {
    const clock = clockAt(T0);
    const actor = startVisit({ ...testInput, recheckAfterMs: 30_000 }, clock);
    actor.send({ type: 'GREETED', at: clock.now() });
    actor.send({ type: 'HELP_DECLINED', at: clock.now() });
    clock.increment(29_999);
    expect(step(actor)).toBe('browsing.looking');
    clock.increment(1);
    expect(step(actor)).toBe('browsing.reminderDue');
  });

  it('after a restore mid-delay, fires at the ORIGINAL deadline', () => {
    const { actor, clock } = reloadAfter(60_000);
    expect(step(actor)).toBe('browsing.looking');
    clock.increment(119_000);
    expect(step(actor)).toBe('browsing.looking');
    clock.increment(1_000);
    expect(step(actor)).toBe('browsing.reminderDue');
    expect(actor.getSnapshot().context.steps.at(-1)?.at).toBe(T0 + RECHECK);
  });

  it('after a restore past the deadline, is due at once', () => {
    // Persisted at 60 s, the tablet was off until 200 s.
    const { actor } = reloadAfter(60_000, 200_000);
    expect(step(actor)).toBe('browsing.reminderDue');
    // Recorded when it was due, not when the tablet came back.
    expect(actor.getSnapshot().context.steps.at(-1)?.at).toBe(T0 + RECHECK);
  });

  it('without RESUMED a restored actor never fires (xstate#4860), hence resumeVisit', () => {
    const clock = clockAt(T0);
    const first = browsingVisit(clock);
    const saved = persistVisit(first);
    first.stop();
    const clock2 = clockAt(T0);
    const bare = createActor(visitMachine, { snapshot: saved, input: undefined, clock: clock2 });
    bare.start();
    clock2.increment(RECHECK * 2);
    expect(stepOf(bare.getSnapshot().value)).toBe('browsing.looking');
  });

  it('keeps the deadline across an escalation and fires on return if it passed meanwhile', () => {
    const clock = clockAt(T0);
    const actor = browsingVisit(clock);
    clock.increment(60_000);
    actor.send({ type: 'ESCALATE', at: clock.now(), reason: 'price dispute' });
    clock.increment(60_000);
    actor.send({ type: 'MANAGER_RESOLVED', at: clock.now() });
    expect(step(actor)).toBe('browsing.looking');
    clock.increment(59_999);
    expect(step(actor)).toBe('browsing.looking');
    clock.increment(1);
    expect(step(actor)).toBe('browsing.reminderDue');

    const other = browsingVisit(clockAt(T0));
    other.send({ type: 'ESCALATE', at: T0 + 10_000, reason: 'x' });
    other.send({ type: 'MANAGER_RESOLVED', at: T0 + RECHECK + 5_000 });
    expect(stepOf(other.getSnapshot().value)).toBe('browsing.reminderDue');
  });

  it('re-arms from the answer when the customer is still browsing', () => {
    const clock = clockAt(T0);
    const actor = browsingVisit(clock);
    clock.increment(RECHECK + 30_000);
    actor.send({ type: 'STILL_BROWSING', at: clock.now() });
    expect(step(actor)).toBe('browsing.looking');
    expect(actor.getSnapshot().context.reminderAt).toBe(clock.now() + RECHECK);
    clock.increment(RECHECK - 1);
    expect(step(actor)).toBe('browsing.looking');
    clock.increment(1);
    expect(step(actor)).toBe('browsing.reminderDue');
  });

  it('cancels the timer when browsing ends', () => {
    const clock = clockAt(T0);
    const actor = browsingVisit(clock);
    actor.send({ type: 'NEEDS_HELP', at: clock.now() + 1_000 });
    clock.increment(RECHECK * 2);
    expect(step(actor)).toBe('assisting');
  });
});
