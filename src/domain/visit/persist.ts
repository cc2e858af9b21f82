import { createActor, type Actor, type ActorOptions, type Snapshot } from 'xstate';
import { visitMachine } from './machine.ts';
import type { VisitInput } from './types.ts';

export type VisitActor = Actor<typeof visitMachine>;
/** xstate's timer clock (a `SimulatedClock` in tests); not exported by name. */
export type VisitClock = NonNullable<ActorOptions<typeof visitMachine>['clock']>;

/** JSON-safe: the context holds only plain data and the machine invokes no actors. */
export function persistVisit(actor: VisitActor): Snapshot<unknown> {
  return actor.getPersistedSnapshot();
}

export function startVisit(input: VisitInput, clock?: VisitClock): VisitActor {
  return createActor(visitMachine, { input, ...(clock ? { clock } : {}) }).start();
}

/**
 * Restores a persisted visit and re-arms its re-check timer to the original deadline
 * (xstate#4860: restored actors do not resume `after` timers). `at` is the current time on
 * the same clock that stamps the visit's events.
 */
export function resumeVisit(
  persisted: Snapshot<unknown>,
  at: number,
  clock?: VisitClock,
): VisitActor {
  const actor = createActor(visitMachine, {
    snapshot: persisted,
    // Ignored when a snapshot is given; xstate's types still ask for the key.
    input: undefined,
    ...(clock ? { clock } : {}),
  }).start();
  if (actor.getSnapshot().status === 'active') actor.send({ type: 'RESUMED', at });
  return actor;
}
