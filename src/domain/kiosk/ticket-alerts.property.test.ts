import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FRESH_MEMORY,
  parseAlertMemory,
  stepAlerts,
  type AlertMemory,
  type TicketAlert,
} from './ticket-alerts.ts';
import type { TicketView } from './tracking.ts';

/**
 * For any sequence of views of one ticket (places that jitter, counters closing, calls, recalls,
 * page reloads that keep the memory as JSON), each alert fires at most once, and exactly at the
 * first view that reaches it after the customer started looking.
 */
type Step =
  | { readonly kind: 'waiting'; readonly ahead: number; readonly noCounter: boolean }
  | { readonly kind: 'called' | 'serving' | 'done' | 'cancelled' };

const N = 3;

function view(step: Step, calls: number): TicketView {
  const waiting = step.kind === 'waiting';
  return {
    status: step.kind,
    ahead: waiting ? step.ahead : null,
    next: waiting && step.ahead === 0 && !step.noCounter,
    wait: !waiting
      ? null
      : step.noCounter
        ? { noCounter: true, openCounters: 0, opensAt: undefined }
        : { noCounter: false, estimateSec: 60, lowSec: 30, highSec: 90, openCounters: 1 },
    calls,
    alertAtPlace: N,
  } as TicketView;
}

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('waiting' as const),
      ahead: fc.nat(6),
      noCounter: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'called' as const }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { kind: 'serving' as const },
      { kind: 'done' as const },
      { kind: 'cancelled' as const },
    ),
  },
);

/** The oracle's own reading of the steps: where is each alert due, independent of the rule. */
function due(steps: readonly Step[]): { soon: number | undefined; called: number | undefined } {
  const isCalled = (s: Step) => s.kind === 'called';
  const isSoon = (s: Step) => s.kind === 'waiting' && !s.noCounter && s.ahead + 1 <= N;
  const firstCalled = steps.findIndex(isCalled);
  const firstSoon = steps.findIndex(isSoon);
  const called = firstCalled > 0 ? firstCalled : undefined;
  // "soon" is settled by whichever comes first, a call or the N-th place
  const settled = [firstCalled, firstSoon].filter((i) => i >= 0);
  const first = settled.length > 0 ? Math.min(...settled) : -1;
  const soon = first > 0 && first === firstSoon && first !== firstCalled ? first : undefined;
  return { soon, called };
}

describe('stepAlerts', () => {
  it('fires each alert at most once, at the first view that reaches it, across reloads', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 30 }),
        fc.array(fc.boolean(), { maxLength: 30 }),
        (steps, reloads) => {
          let memory: AlertMemory = FRESH_MEMORY;
          let calls = 0;
          const fired: { alert: TicketAlert; at: number }[] = [];
          steps.forEach((s, i) => {
            if (s.kind === 'called') calls++;
            // a reload keeps only what the page stored
            if (reloads[i]) memory = parseAlertMemory(JSON.stringify(memory));
            const out = stepAlerts(memory, view(s, calls));
            memory = out.memory;
            for (const alert of out.alerts) fired.push({ alert, at: i });
          });
          expect(fired.filter((f) => f.alert === 'soon').length).toBeLessThanOrEqual(1);
          expect(fired.filter((f) => f.alert === 'called').length).toBeLessThanOrEqual(1);
          const expected = due(steps);
          expect(fired.find((f) => f.alert === 'soon')?.at).toBe(expected.soon);
          expect(fired.find((f) => f.alert === 'called')?.at).toBe(expected.called);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('alerts once on 3rd → 4th behind a priority ticket → 3rd again, and once when called', () => {
    const places = [5, 4, 3, 4, 3, 2, 1];
    let memory = FRESH_MEMORY;
    const fired: TicketAlert[] = [];
    for (const place of places) {
      const out = stepAlerts(
        memory,
        view({ kind: 'waiting', ahead: place - 1, noCounter: false }, 0),
      );
      memory = out.memory;
      fired.push(...out.alerts);
    }
    for (const calls of [1, 2]) {
      const out = stepAlerts(memory, view({ kind: 'called' }, calls));
      memory = out.memory;
      fired.push(...out.alerts);
    }
    expect(fired).toEqual(['soon', 'called']);
  });

  it('does not call 3rd in line "soon" while no counter is open', () => {
    const first = stepAlerts(
      FRESH_MEMORY,
      view({ kind: 'waiting', ahead: 5, noCounter: false }, 0),
    );
    const closed = stepAlerts(
      first.memory,
      view({ kind: 'waiting', ahead: 2, noCounter: true }, 0),
    );
    expect(closed.alerts).toEqual([]);
    expect(
      stepAlerts(closed.memory, view({ kind: 'waiting', ahead: 2, noCounter: false }, 0)).alerts,
    ).toEqual(['soon']);
  });

  it('starts fresh from a corrupt stored memory', () => {
    expect(parseAlertMemory('{oops')).toEqual(FRESH_MEMORY);
    expect(parseAlertMemory('null')).toEqual(FRESH_MEMORY);
    expect(parseAlertMemory(null)).toEqual(FRESH_MEMORY);
  });
});
