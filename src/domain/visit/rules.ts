import {
  DEFAULT_RECHECK_AFTER_MS,
  MAX_REASON_LENGTH,
  MAX_STEP_LOG,
  SATISFACTIONS,
  type Feedback,
  type StepEntry,
  type VisitContext,
  type VisitInput,
  type VisitStep,
} from './types.ts';

/** Pure rules behind the machine's guards and actions; kept apart so they are easy to test. */

export function initialContext(input: VisitInput): VisitContext {
  const startedAt = Number.isFinite(input.startedAt) ? input.startedAt : 0;
  const recheck = input.recheckAfterMs;
  return {
    visitId: input.visitId,
    clerk: input.clerk,
    ticket: input.ticket ?? null,
    startedAt,
    recheckAfterMs:
      recheck !== undefined && Number.isFinite(recheck) && recheck > 0
        ? recheck
        : DEFAULT_RECHECK_AFTER_MS,
    reminderAt: null,
    foundEverything: null,
    feedback: null,
    escalation: null,
    transfer: null,
    steps: [],
  };
}

/** The time of the latest step, or the start: a visit's clock never runs backwards. */
export function lastTime(context: VisitContext): number {
  return context.steps.at(-1)?.at ?? context.startedAt;
}

export function lastStep(context: VisitContext): VisitStep {
  return context.steps.at(-1)?.step ?? 'greeting';
}

/** A stamp clamped so that a skewed or missing one never makes a step last negative time. */
export function clampTime(context: VisitContext, at: unknown): number {
  const last = lastTime(context);
  return typeof at === 'number' && Number.isFinite(at) && at > last ? at : last;
}

/**
 * When `event` happened: app events carry `at`; xstate's own events (init, timer) have none,
 * so they count as happening at the latest known time.
 */
export function timeOf(context: VisitContext, event: { type: string }): number {
  return clampTime(context, 'at' in event ? event.at : undefined);
}

/** Appends a step unless it repeats the last one (a re-entry to re-arm a timer is no step). */
export function appendStep(context: VisitContext, step: VisitStep, at: number): StepEntry[] {
  const prev = context.steps.at(-1);
  if (prev?.step === step) return [...context.steps];
  const entry: StepEntry = { n: (prev?.n ?? 0) + 1, step, at };
  return [...context.steps, entry].slice(-MAX_STEP_LOG);
}

/** Time left until the re-check, as seen at `now`; 0 when already due. */
export function reminderDelay(context: VisitContext, now: number): number {
  const deadline = context.reminderAt ?? now + context.recheckAfterMs;
  return Math.max(0, deadline - now);
}

export function isSatisfaction(value: unknown): value is Feedback['satisfaction'] {
  return (SATISFACTIONS as readonly unknown[]).includes(value);
}

export function isNps(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10;
}

/** Events may come from untyped JS (UI, restored storage): check values at run time. */
export function isValidFeedback(event: { satisfaction?: unknown; nps?: unknown }): boolean {
  return isSatisfaction(event.satisfaction) && (event.nps === undefined || isNps(event.nps));
}

export function toFeedback(event: {
  satisfaction: Feedback['satisfaction'];
  nps?: number;
}): Feedback {
  return event.nps === undefined
    ? { satisfaction: event.satisfaction }
    : { satisfaction: event.satisfaction, nps: event.nps };
}

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** A transfer names a service or another clerk (never the same clerk), and nothing malformed. */
export function isValidTransfer(
  context: VisitContext,
  event: { toService?: unknown; toClerk?: unknown },
): boolean {
  const { toService, toClerk } = event;
  if (toService !== undefined && !nonEmpty(toService)) return false;
  if (toClerk !== undefined && (!nonEmpty(toClerk) || toClerk === context.clerk)) return false;
  return toService !== undefined || toClerk !== undefined;
}

export function isValidReason(event: { reason?: unknown }): boolean {
  return typeof event.reason === 'string';
}

/** Reasons are free text typed on a tablet: trim and cap so the snapshot stays small. */
export function clipReason(reason: string): string {
  return reason.trim().slice(0, MAX_REASON_LENGTH);
}
