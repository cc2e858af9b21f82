import type { StateValue } from 'xstate';
import { stepOf } from './steps.ts';
import type { VisitEvent, VisitEventType, VisitStep } from './types.ts';

/**
 * The one or two buttons the clerk screen puts first. Which events are possible is asked of
 * the machine (`snapshot.can`), so the UI never repeats a guard; this file only ranks the
 * possible ones by which is the likelier next step of good service.
 */
export interface NextAction {
  readonly type: VisitEventType;
  /** 1 is the main button, 2 the alternative. */
  readonly priority: 1 | 2;
}

interface VisitSnapshotLike {
  readonly value: StateValue;
  can(event: VisitEvent): boolean;
}

/** Probes for `can`: guards look at payloads, so each carries a valid one. */
const PROBE: Readonly<Record<VisitEventType, VisitEvent>> = {
  GREETED: { type: 'GREETED', at: 0 },
  HELP_ACCEPTED: { type: 'HELP_ACCEPTED', at: 0 },
  HELP_DECLINED: { type: 'HELP_DECLINED', at: 0 },
  OFFER_AGAIN: { type: 'OFFER_AGAIN', at: 0 },
  NEEDS_HELP: { type: 'NEEDS_HELP', at: 0 },
  STILL_BROWSING: { type: 'STILL_BROWSING', at: 0 },
  READY_TO_PAY: { type: 'READY_TO_PAY', at: 0 },
  FOUND_EVERYTHING: { type: 'FOUND_EVERYTHING', at: 0 },
  MISSING_SOMETHING: { type: 'MISSING_SOMETHING', at: 0 },
  PAID: { type: 'PAID', at: 0 },
  FEEDBACK: { type: 'FEEDBACK', at: 0, satisfaction: 'good' },
  SKIP_FEEDBACK: { type: 'SKIP_FEEDBACK', at: 0 },
  ESCALATE: { type: 'ESCALATE', at: 0, reason: '' },
  MANAGER_RESOLVED: { type: 'MANAGER_RESOLVED', at: 0 },
  TRANSFER: { type: 'TRANSFER', at: 0, toService: 'any' },
  CUSTOMER_LEFT: { type: 'CUSTOMER_LEFT', at: 0 },
  FINISHED: { type: 'FINISHED', at: 0 },
  RESUMED: { type: 'RESUMED', at: 0 },
};

/**
 * Forward steps, likeliest first. Side exits (escalate, transfer, left) live in a menu;
 * FINISHED belongs to the queue ticket's "Done", never to a visit button.
 */
const FORWARD: readonly VisitEventType[] = [
  'GREETED',
  'HELP_ACCEPTED',
  'HELP_DECLINED',
  'READY_TO_PAY',
  'STILL_BROWSING',
  'NEEDS_HELP',
  'OFFER_AGAIN',
  'FOUND_EVERYTHING',
  'MISSING_SOMETHING',
  'PAID',
  'FEEDBACK',
  'SKIP_FEEDBACK',
  'MANAGER_RESOLVED',
];

/** While the nudge shows, its two answers come first: "all fine" or "yes, help me". */
const FIRST_IN: Partial<Record<VisitStep, readonly VisitEventType[]>> = {
  'browsing.reminderDue': ['STILL_BROWSING', 'NEEDS_HELP'],
};

const SIDE: readonly VisitEventType[] = ['ESCALATE', 'TRANSFER', 'CUSTOMER_LEFT'];

/** Every forward step the machine accepts now, in the order the screen offers them. */
function possibleForward(snapshot: VisitSnapshotLike): VisitEventType[] {
  const first = FIRST_IN[stepOf(snapshot.value)] ?? [];
  const ranked = [...first, ...FORWARD.filter((t) => !first.includes(t))];
  return ranked.filter((t) => snapshot.can(PROBE[t]));
}

export function nextActions(snapshot: VisitSnapshotLike): NextAction[] {
  return possibleForward(snapshot)
    .slice(0, 2)
    .map((type, i) => ({ type, priority: i === 0 ? 1 : 2 }));
}

/**
 * The other forward steps possible now, for smaller buttons below the main two (e.g. "ready
 * to pay" while the re-check nudge shows).
 */
export function moreActions(snapshot: VisitSnapshotLike): VisitEventType[] {
  return possibleForward(snapshot).slice(2);
}

/** Exits the screen offers in its menu when the machine allows them. */
export function sideActions(snapshot: VisitSnapshotLike): VisitEventType[] {
  return SIDE.filter((t) => snapshot.can(PROBE[t]));
}
