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
 * page reloads that keep the memory as JSON), "soon" fires at most once, at the first view that
 * reaches it after the customer started looking, and "called" once at each new call or recall.
 */
type Step =
  | { readonly kind: 'waiting'; readonly ahead: number; readonly noCounter: boolean }
  /** `recall`: the clerk calls the number again (or calls it anew after a transfer). */
  | { readonly kind: 'called'; readonly recall: boolean }
  | { readonly kind: 'serving' | 'done' | 'cancelled' };

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
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('called' as const), recall: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { kind: 'serving' as const },
      { kind: 'done' as const },
      { kind: 'cancelled' as const },
    ),
  },
);

/** Calls made up to each step: the first call, then each recall. */
function callCounts(steps: readonly Step[]): number[] {
  let calls = 0;
  return steps.map((s) => (s.kind === 'called' && (calls === 0 || s.recall) ? ++calls : calls));
}

/** The oracle's own reading of the steps: where is each alert due, independent of the rule. */
function due(steps: readonly Step[]): { soon: number | undefined; called: number[] } {
  const isCalled = (s: Step) => s.kind === 'called';
  const isSoon = (s: Step) => s.kind === 'waiting' && !s.noCounter && s.ahead + 1 <= N;
  const firstCalled = steps.findIndex(isCalled);
  const firstSoon = steps.findIndex(isSoon);
  // "soon" is settled by whichever comes first, a call or the N-th place
  const settled = [firstCalled, firstSoon].filter((i) => i >= 0);
  const first = settled.length > 0 ? Math.min(...settled) : -1;
  const soon = first > 0 && first === firstSoon && first !== firstCalled ? first : undefined;
  // "called" at every view showing a call the customer's phone has not shown before
  const counts = callCounts(steps);
  const called: number[] = [];
  let shown = 0;
  steps.forEach((s, i) => {
    if (!isCalled(s)) return;
    if (i > 0 && counts[i]! > shown) called.push(i);
    shown = Math.max(shown, counts[i]!);
  });
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
          const counts = callCounts(steps);
          const fired: { alert: TicketAlert; at: number }[] = [];
          steps.forEach((s, i) => {
            // a reload keeps only what the page stored
            if (reloads[i]) memory = parseAlertMemory(JSON.stringify(memory));
            const out = stepAlerts(memory, view(s, counts[i]!));
            memory = out.memory;
            for (const alert of out.alerts) fired.push({ alert, at: i });
          });
          expect(fired.filter((f) => f.alert === 'soon').length).toBeLessThanOrEqual(1);
          const expected = due(steps);
          expect(fired.find((f) => f.alert === 'soon')?.at).toBe(expected.soon);
          expect(fired.filter((f) => f.alert === 'called').map((f) => f.at)).toEqual(
            expected.called,
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('alerts once on 3rd → 4th behind a priority ticket → 3rd again, and once per call', () => {
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
    // called, the same call seen again (a reload, a new view), then the clerk's recall
    for (const calls of [1, 1, 2]) {
      const out = stepAlerts(memory, view({ kind: 'called', recall: calls > 1 }, calls));
      memory = out.memory;
      fired.push(...out.alerts);
    }
    expect(fired).toEqual(['soon', 'called', 'called']);
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
    // kept before calls were counted: its one call was alerted
    expect(parseAlertMemory('{"seen":true,"soon":true,"called":true}').calls).toBe(1);
  });
});
