import type { StateValue } from 'xstate';
import {
  FINAL_STEPS,
  VISIT_STEPS,
  type StepEntry,
  type VisitContext,
  type VisitStep,
} from './types.ts';

/** What the app writes to the store's event log, one per step change. */
export interface VisitStepRecord {
  readonly visitId: string;
  readonly clerk: string;
  /** Per-visit counter from 1: `${visitId}:${n}` is an idempotency key for the log. */
  readonly n: number;
  readonly step: VisitStep;
  readonly at: number;
}

interface VisitSnapshotLike {
  readonly value: StateValue;
  readonly context: VisitContext;
}

const isStep = (s: string): s is VisitStep => (VISIT_STEPS as readonly string[]).includes(s);

/** The active leaf as a dotted path, without the `serving` wrapper: e.g. "browsing.looking". */
export function stepOf(value: StateValue): VisitStep {
  const path: string[] = [];
  let v: StateValue = value;
  while (typeof v !== 'string') {
    const [key, child] = Object.entries(v)[0] ?? [];
    if (key === undefined || child === undefined) break;
    path.push(key);
    v = child;
  }
  if (typeof v === 'string') path.push(v);
  const step = path.filter((p) => p !== 'serving').join('.');
  if (!isStep(step)) throw new Error(`Unknown visit state: ${JSON.stringify(value)}`);
  return step;
}

export function isFinalStep(step: VisitStep): boolean {
  return FINAL_STEPS.includes(step);
}

/** The step log of a visit as records for the event log. */
export function stepsOf(snapshot: VisitSnapshotLike): VisitStepRecord[] {
  const { visitId, clerk, steps } = snapshot.context;
  return steps.map(({ n, step, at }) => ({ visitId, clerk, n, step, at }));
}

/** Records newer than the last one the app has written (`n`), e.g. after each transition. */
export function stepsSince(snapshot: VisitSnapshotLike, lastWritten: number): VisitStepRecord[] {
  return stepsOf(snapshot).filter((r) => r.n > lastWritten);
}

/**
 * Milliseconds spent in each step: each entry lasts until the next; the last one until `now`,
 * unless it is final (the visit is over). Repeated visits to a step add up.
 */
export function timeInSteps(
  steps: readonly Pick<StepEntry, 'step' | 'at'>[],
  now: number,
): Partial<Record<VisitStep, number>> {
  const out: Partial<Record<VisitStep, number>> = {};
  steps.forEach((entry, i) => {
    const next = steps[i + 1];
    const end = next ? next.at : isFinalStep(entry.step) ? entry.at : now;
    out[entry.step] = (out[entry.step] ?? 0) + Math.max(0, end - entry.at);
  });
  return out;
}
