import fc from 'fast-check';
import { SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { persistVisit, resumeVisit, startVisit, type VisitActor } from './persist.ts';
import { isValidFeedback } from './rules.ts';
import { isFinalStep, stepOf } from './steps.ts';
import { probeEvents, T0, testInput } from './testing.ts';
import { MAX_STEP_LOG, VISIT_STEPS, type VisitEvent, type VisitEventType } from './types.ts';

const TYPES: VisitEventType[] = [
  'GREETED',
  'HELP_ACCEPTED',
  'HELP_DECLINED',
  'OFFER_AGAIN',
  'NEEDS_HELP',
  'STILL_BROWSING',
  'READY_TO_PAY',
  'FOUND_EVERYTHING',
  'MISSING_SOMETHING',
  'PAID',
  'FEEDBACK',
  'SKIP_FEEDBACK',
  'ESCALATE',
  'MANAGER_RESOLVED',
  'TRANSFER',
  'CUSTOMER_LEFT',
  'RESUMED',
];

const EXITS: VisitEventType[] = ['CUSTOMER_LEFT', 'TRANSFER', 'ESCALATE'];

/** Any type with any payload, valid or not: the UI and old storage are untyped at run time. */
const payloadArb = fc.record(
  {
    // Exits are rarer than forward steps, or few runs would get past the greeting.
    type: fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom(...TYPES.filter((t) => !EXITS.includes(t))) },
      { weight: 1, arbitrary: fc.constantFrom(...EXITS) },
    ),
    satisfaction: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('bad', 'neutral', 'good') },
      { weight: 1, arbitrary: fc.string() },
    ),
    nps: fc.oneof(
      { weight: 3, arbitrary: fc.integer({ min: 0, max: 10 }) },
      { weight: 1, arbitrary: fc.oneof(fc.integer({ min: -3, max: 13 }), fc.double()) },
    ),
    reason: fc.oneof(fc.string(), fc.integer()),
    toService: fc.oneof(fc.constantFrom('returns', '', ' '), fc.string()),
    toClerk: fc.constantFrom('c1', 'c2', ''),
  },
  { requiredKeys: ['type'] },
);

const opArb = fc.oneof(
  { weight: 3, arbitrary: payloadArb.map((payload) => ({ kind: 'event' as const, payload })) },
  // One of the events the machine accepts now, so runs also get deep into a visit.
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.nat(), fc.nat(9))
      .map(([pick, roll]) => ({ kind: 'possible' as const, pick, exit: roll === 0 })),
  },
  { weight: 2, arbitrary: fc.nat(400_000).map((ms) => ({ kind: 'tick' as const, ms })) },
  { weight: 1, arbitrary: fc.nat(400_000).map((ms) => ({ kind: 'reload' as const, ms })) },
);

/** Steps the random runs reached, and how many recorded feedback: proof they went deep. */
const reached = new Set<string>();
let feedbackRecorded = 0;

function checkValid(actor: VisitActor, clock: SimulatedClock): void {
  const snap = actor.getSnapshot();
  reached.add(stepOf(snap.value));
  if (snap.context.feedback) feedbackRecorded++;
  expect(snap.status).not.toBe('error');
  const step = stepOf(snap.value);
  expect(snap.status === 'done').toBe(isFinalStep(step));
  const { feedback, steps, reminderAt } = snap.context;
  if (feedback !== null) {
    expect(isValidFeedback(feedback)).toBe(true);
    expect(Object.keys(feedback).every((k) => k === 'satisfaction' || k === 'nps')).toBe(true);
    expect(step).toBe('done');
  }
  expect(steps.length).toBeLessThanOrEqual(MAX_STEP_LOG);
  expect(steps.at(-1)?.step).toBe(step);
  steps.forEach((e, i) => {
    const prev = steps[i - 1];
    if (prev) {
      expect(e.n).toBe(prev.n + 1);
      expect(e.at).toBeGreaterThanOrEqual(prev.at);
      expect(e.step).not.toBe(prev.step);
    }
  });
  // A timer is never missed: while still "looking", the deadline lies ahead.
  if (step === 'browsing.looking') expect(clock.now()).toBeLessThan(reminderAt ?? -Infinity);
}

describe('visit machine, random event sequences (property)', () => {
  it('never throws, never ends up invalid, and keeps feedback valid', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 80, size: 'max' }), (ops) => {
        let clock = new SimulatedClock();
        clock.set(T0);
        let actor = startVisit(testInput, clock);
        for (const op of ops) {
          if (op.kind === 'tick') clock.increment(op.ms);
          else if (op.kind === 'event') {
            actor.send({ ...op.payload, at: clock.now() } as unknown as VisitEvent);
          } else if (op.kind === 'possible') {
            const snap = actor.getSnapshot();
            const possible = probeEvents(clock.now()).filter(
              (e) => snap.can(e) && EXITS.includes(e.type) === op.exit,
            );
            const event = possible[op.pick % possible.length];
            if (event) actor.send(event);
          } else {
            const saved: unknown = JSON.parse(JSON.stringify(persistVisit(actor)));
            actor.stop();
            const now = clock.now() + op.ms;
            clock = new SimulatedClock();
            clock.set(now);
            actor = resumeVisit(saved as ReturnType<typeof persistVisit>, now, clock);
          }
          checkValid(actor, clock);
          if (actor.getSnapshot().status === 'done') break; // a finished visit takes no events
        }
        actor.stop();
      }),
      { numRuns: 300 },
    );
    expect([...reached].sort()).toEqual([...VISIT_STEPS].sort());
    expect(feedbackRecorded).toBeGreaterThan(0);
  });

  it('stays valid when event stamps are skewed, missing or nonsense', () => {
    const atArb = fc.oneof(
      fc.integer({ min: T0 - 1e9, max: T0 + 1e9 }),
      fc.constantFrom(Number.NaN, Infinity, -Infinity, undefined, '12'),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(payloadArb, atArb), { maxLength: 80, size: 'max' }),
        (events) => {
          const clock = new SimulatedClock();
          clock.set(T0);
          const actor = startVisit(testInput, clock);
          for (const [payload, at] of events) {
            actor.send({ ...payload, at } as unknown as VisitEvent);
            const { status, context, value } = actor.getSnapshot();
            expect(status).not.toBe('error');
            stepOf(value);
            const times = context.steps.map((e) => e.at);
            expect(times.every((t) => Number.isFinite(t))).toBe(true);
            expect(times).toEqual([...times].sort((a, b) => a - b));
            if (context.feedback) expect(isValidFeedback(context.feedback)).toBe(true);
            if (status === 'done') break;
          }
          actor.stop();
        },
      ),
      { numRuns: 300 },
    );
  });
});
