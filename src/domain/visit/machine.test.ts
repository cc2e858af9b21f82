import { transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { visitMachine } from './machine.ts';
import { stepOf } from './steps.ts';
import { initialSnapshot, T0, testInput, type VisitSnapshot } from './testing.ts';
import { DEFAULT_RECHECK_AFTER_MS, MAX_STEP_LOG, type VisitEvent } from './types.ts';

/** Sends plain event types (1 s apart) or full events; returns the final snapshot. */
function run(...events: (VisitEvent['type'] | VisitEvent)[]): VisitSnapshot {
  let s = initialSnapshot();
  events.forEach((e, i) => {
    const at = T0 + (i + 1) * 1000;
    const event = (typeof e === 'string' ? { type: e, at } : e) as VisitEvent;
    s = transition(visitMachine, s, event)[0];
  });
  return s;
}

describe('visit machine', () => {
  it('walks the good-service path and records every step with its time', () => {
    const s = run('GREETED', 'HELP_ACCEPTED', 'READY_TO_PAY', 'FOUND_EVERYTHING', 'PAID', {
      type: 'FEEDBACK',
      at: T0 + 6000,
      satisfaction: 'good',
      nps: 9,
    });
    expect(s.status).toBe('done');
    expect(s.context.foundEverything).toBe(true);
    expect(s.context.feedback).toEqual({ satisfaction: 'good', nps: 9 });
    expect(s.context.steps.map((e) => [e.step, e.at - T0])).toEqual([
      ['greeting', 0],
      ['offeringHelp', 1000],
      ['assisting', 2000],
      ['checkingOut.asking', 3000],
      ['checkingOut.paying', 4000],
      ['thanking', 5000],
      ['done', 6000],
    ]);
  });

  it('sends a customer missing something back to assisting, and remembers the answer', () => {
    const s = run('NEEDS_HELP', 'READY_TO_PAY', 'MISSING_SOMETHING');
    expect(stepOf(s.value)).toBe('assisting');
    expect(s.context.foundEverything).toBe(false);
  });

  it('accepts payment before the question is answered, leaving the answer unknown', () => {
    const s = run('NEEDS_HELP', 'READY_TO_PAY', 'PAID');
    expect(stepOf(s.value)).toBe('thanking');
    expect(s.context.foundEverything).toBeNull();
  });

  it('accepts only valid feedback, and only when thanking', () => {
    const base = run('NEEDS_HELP', 'READY_TO_PAY', 'PAID');
    const at = T0 + 10_000;
    const bad = [
      { type: 'FEEDBACK', at, satisfaction: 'great' },
      { type: 'FEEDBACK', at, satisfaction: 'good', nps: 11 },
      { type: 'FEEDBACK', at, satisfaction: 'good', nps: -1 },
      { type: 'FEEDBACK', at, satisfaction: 'good', nps: 7.5 },
    ] as unknown as VisitEvent[];
    for (const e of bad) expect(transition(visitMachine, base, e)[0].context.feedback).toBeNull();
    const ok = transition(visitMachine, base, { type: 'FEEDBACK', at, satisfaction: 'bad' })[0];
    expect(ok.context.feedback).toEqual({ satisfaction: 'bad' });
    expect(run('NEEDS_HELP').can({ type: 'FEEDBACK', at, satisfaction: 'good' })).toBe(false);
  });

  it('counts a paid customer who walks off without rating as done, not abandoned', () => {
    expect(stepOf(run('NEEDS_HELP', 'READY_TO_PAY', 'PAID', 'CUSTOMER_LEFT').value)).toBe('done');
    expect(stepOf(run('NEEDS_HELP', 'CUSTOMER_LEFT').value)).toBe('abandoned');
  });

  it('ends as done when the ticket is closed at the counter, whatever step it was at', () => {
    for (const path of [
      [],
      ['GREETED', 'HELP_DECLINED'],
      ['NEEDS_HELP', 'READY_TO_PAY'],
    ] as const) {
      const s = run(...path, 'FINISHED');
      expect(s.status).toBe('done');
      expect(s.context.steps.at(-1)?.step).toBe('done');
      expect(s.context.feedback).toBeNull();
    }
    const escalated = run({ type: 'ESCALATE', at: T0 + 1000, reason: 'x' }, 'FINISHED');
    expect(stepOf(escalated.value)).toBe('done');
  });

  it('returns from a manager to the exact step it left, checkout answer included', () => {
    const s = run(
      'NEEDS_HELP',
      'READY_TO_PAY',
      'FOUND_EVERYTHING',
      { type: 'ESCALATE', at: T0 + 4000, reason: '  wants a refund  ' },
      'MANAGER_RESOLVED',
    );
    expect(stepOf(s.value)).toBe('checkingOut.paying');
    expect(s.context.escalation).toEqual({
      reason: 'wants a refund',
      at: T0 + 4000,
      from: 'checkingOut.paying',
    });
  });

  it('transfers only to a named service or another clerk', () => {
    const at = T0 + 5000;
    const base = run('NEEDS_HELP');
    const to = (e: { toService?: string; toClerk?: string }) =>
      stepOf(transition(visitMachine, base, { type: 'TRANSFER', at, ...e })[0].value);
    expect(to({})).toBe('assisting');
    expect(to({ toClerk: 'c1' })).toBe('assisting');
    expect(to({ toService: '' })).toBe('assisting');
    expect(to({ toService: 'returns' })).toBe('transferred');
    const s = transition(visitMachine, base, { type: 'TRANSFER', at, toClerk: 'c2' })[0];
    expect(s.context.transfer).toEqual({ toClerk: 'c2', at });
    expect(s.status).toBe('done');
  });

  it('cannot escalate twice, but can transfer or lose the customer while escalated', () => {
    const s = run({ type: 'ESCALATE', at: T0 + 1000, reason: 'rude' });
    expect(s.can({ type: 'ESCALATE', at: T0, reason: 'again' })).toBe(false);
    expect(s.can({ type: 'TRANSFER', at: T0, toClerk: 'manager' })).toBe(true);
    expect(s.can({ type: 'CUSTOMER_LEFT', at: T0 })).toBe(true);
  });

  it('defaults: walk-in without a ticket, re-check after 3 minutes', () => {
    const s = transition(
      visitMachine,
      initialSnapshot({ visitId: 'v2', clerk: 'c1', startedAt: T0, recheckAfterMs: -5 }),
      { type: 'GREETED', at: T0 },
    )[0];
    expect(s.context.ticket).toBeNull();
    expect(s.context.recheckAfterMs).toBe(DEFAULT_RECHECK_AFTER_MS);
    const declined = transition(visitMachine, s, { type: 'HELP_DECLINED', at: T0 + 1 })[0];
    expect(declined.context.reminderAt).toBe(T0 + 1 + DEFAULT_RECHECK_AFTER_MS);
  });

  it('keeps the step log bounded and numbered', () => {
    const loop: VisitEvent['type'][] = [];
    for (let i = 0; i < MAX_STEP_LOG; i++) loop.push('OFFER_AGAIN', 'HELP_DECLINED');
    const s = run('GREETED', 'HELP_DECLINED', ...loop);
    expect(s.context.steps).toHaveLength(MAX_STEP_LOG);
    expect(s.context.steps.at(-1)?.n).toBe(3 + 2 * MAX_STEP_LOG);
  });

  it('never lets time run backwards in the log', () => {
    const s = run('GREETED', { type: 'HELP_ACCEPTED', at: T0 - 60_000 });
    expect(s.context.steps.map((e) => e.at)).toEqual([T0, T0 + 1000, T0 + 1000]);
  });

  it('ignores RESUMED where no timer runs, and re-arms without a new step where one does', () => {
    const assisting = run('NEEDS_HELP', 'RESUMED');
    expect(assisting.context.steps).toHaveLength(2);
    const browsing = run('GREETED', 'HELP_DECLINED', 'RESUMED');
    expect(stepOf(browsing.value)).toBe('browsing.looking');
    expect(browsing.context.steps).toHaveLength(3);
    expect(testInput.recheckAfterMs).toBeGreaterThan(2000);
  });
});
