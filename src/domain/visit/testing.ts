import { getNextTransitions, initialTransition, transition, type SnapshotFrom } from 'xstate';
import { visitMachine } from './machine.ts';
import { lastTime } from './rules.ts';
import { isFinalStep, stepOf } from './steps.ts';
import type { VisitEvent, VisitInput } from './types.ts';

/** Test support: representative events and a bounded walk over the machine's paths. */

export type VisitSnapshot = SnapshotFrom<typeof visitMachine>;

export const T0 = 1_750_000_000_000;
export const RECHECK = 180_000;

export const testInput: VisitInput = {
  visitId: 'v1',
  clerk: 'c1',
  ticket: { id: 't1', number: 'A023', service: 'advice' },
  startedAt: T0,
  recheckAfterMs: RECHECK,
};

/** One event of each type with representative valid payloads. */
export function probeEvents(at: number): VisitEvent[] {
  const simple = [
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
    'SKIP_FEEDBACK',
    'MANAGER_RESOLVED',
    'CUSTOMER_LEFT',
    'FINISHED',
    'RESUMED',
  ] as const;
  return [
    ...simple.map((type) => ({ type, at })),
    { type: 'FEEDBACK', at, satisfaction: 'good' },
    { type: 'FEEDBACK', at, satisfaction: 'bad', nps: 0 },
    { type: 'FEEDBACK', at, satisfaction: 'neutral', nps: 10 },
    { type: 'ESCALATE', at, reason: 'price dispute' },
    { type: 'TRANSFER', at, toService: 'returns' },
    { type: 'TRANSFER', at, toClerk: 'c2' },
  ];
}

/** Payloads a typed caller cannot build but untyped JS or old storage can. */
export function invalidEvents(at: number): VisitEvent[] {
  return [
    { type: 'FEEDBACK', at, satisfaction: 'great' },
    { type: 'FEEDBACK', at, satisfaction: 'good', nps: 11 },
    { type: 'FEEDBACK', at, satisfaction: 'good', nps: 3.5 },
    { type: 'TRANSFER', at },
    { type: 'TRANSFER', at, toClerk: 'c1' },
    { type: 'TRANSFER', at, toService: ' ' },
    { type: 'ESCALATE', at, reason: 42 },
  ] as unknown as VisitEvent[];
}

/** The timer's own events (`xstate.after.*`), as the machine declares them. */
export function delayedEvents(snapshot: VisitSnapshot): VisitEvent[] {
  return getNextTransitions(snapshot)
    .map((t) => String(t.eventType))
    .filter((type) => type.startsWith('xstate.after.'))
    .map((type) => ({ type }) as unknown as VisitEvent);
}

export function eventsAt(snapshot: VisitSnapshot): VisitEvent[] {
  const at = lastTime(snapshot.context) + 1000;
  return [...probeEvents(at), ...delayedEvents(snapshot)];
}

/** What decides future behaviour: the state and where escalation would return to. */
export function stateKey(snapshot: VisitSnapshot): string {
  const hist = Object.values(snapshot.historyValue)
    .flat()
    .map((n) => n.id);
  return JSON.stringify([snapshot.value, hist]);
}

/** A step's outcome worth telling apart on a path (payload variants that end alike). */
function outcomeKey(snapshot: VisitSnapshot): string {
  const { feedback, transfer, foundEverything } = snapshot.context;
  return stateKey(snapshot) + JSON.stringify([feedback, transfer?.toClerk, foundEverything]);
}

export function initialSnapshot(input: VisitInput = testInput): VisitSnapshot {
  return initialTransition(visitMachine, input)[0];
}

/** Distinct successors: events that change the state or the recorded outcome. */
export function successors(snapshot: VisitSnapshot): [VisitEvent, VisitSnapshot][] {
  const seen = new Set([outcomeKey(snapshot)]);
  const out: [VisitEvent, VisitSnapshot][] = [];
  for (const event of eventsAt(snapshot)) {
    const next = transition(visitMachine, snapshot, event)[0];
    const key = outcomeKey(next);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([event, next]);
  }
  return out;
}

const finishable = new Map<string, boolean>();

/** Whether some sequence of events leads from here to a final state (memoised by state). */
export function canFinish(snapshot: VisitSnapshot): boolean {
  const key = stateKey(snapshot);
  const known = finishable.get(key);
  if (known !== undefined) return known;
  const seen = new Set([key]);
  const queue = [snapshot];
  let found = false;
  for (let s = queue.shift(); s && !found; s = queue.shift()) {
    if (isFinalStep(stepOf(s.value))) found = true;
    for (const [, next] of successors(s)) {
      const k = stateKey(next);
      if (!seen.has(k)) {
        seen.add(k);
        queue.push(next);
      }
    }
  }
  finishable.set(key, found);
  return found;
}

export interface WalkStats {
  /** Distinct paths from the start: each ends in a final state, a repeat, or the depth bound. */
  paths: number;
  /** Prefixes visited; every check runs on each. */
  nodes: number;
  endedFinal: number;
}

/**
 * Depth-first walk over simple paths (no state repeated on a path), calling `check` on every
 * prefix, so every path is checked at every step.
 */
export function walkPaths(
  maxDepth: number,
  check: (snapshot: VisitSnapshot, path: readonly VisitEvent[]) => void,
): WalkStats {
  const stats: WalkStats = { paths: 0, nodes: 0, endedFinal: 0 };
  const visit = (s: VisitSnapshot, path: VisitEvent[], onPath: Set<string>) => {
    stats.nodes++;
    check(s, path);
    if (isFinalStep(stepOf(s.value))) {
      stats.paths++;
      stats.endedFinal++;
      return;
    }
    const next = successors(s).filter(([, n]) => !onPath.has(stateKey(n)));
    if (path.length >= maxDepth || next.length === 0) {
      stats.paths++;
      return;
    }
    for (const [event, n] of next) {
      const key = stateKey(n);
      onPath.add(key);
      visit(n, [...path, event], onPath);
      onPath.delete(key);
    }
  };
  const start = initialSnapshot();
  visit(start, [], new Set([stateKey(start)]));
  return stats;
}
