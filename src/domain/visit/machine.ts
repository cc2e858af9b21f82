import { assertEvent, assign, setup } from 'xstate';
import {
  appendStep,
  clampTime,
  clipReason,
  initialContext,
  isValidFeedback,
  isValidReason,
  isValidTransfer,
  lastStep,
  reminderDelay,
  timeOf,
  toFeedback,
} from './rules.ts';
import type { VisitContext, VisitEvent, VisitInput, VisitStep } from './types.ts';

/**
 * The clerk's visit assistant (DESIGN.md section 6).
 *
 * Time: the context holds no clock (a function would not survive JSON persistence). Every
 * event carries `at`, stamped by the app's clock; the actor's `clock` option only runs the
 * re-check timer. The timer's deadline is stored absolute (`reminderAt`) and the named
 * delay `recheck` is `reminderAt - at` of the event entering `browsing.looking`. XState does
 * not resume `after` timers on restore (xstate#4860), so after a restore the app sends
 * `RESUMED` (see persist.ts): `looking` is re-entered, which re-arms the timer to the
 * ORIGINAL deadline, and the `reminderOverdue` guard moves straight to `reminderDue` when
 * that deadline has already passed.
 */
const record = (step: VisitStep) => ({ type: 'recordStep', params: { step } }) as const;

export const visitMachine = setup({
  types: {
    context: {} as VisitContext,
    events: {} as VisitEvent,
    input: {} as VisitInput,
  },
  actions: {
    recordStep: assign(({ context, event }, params: { step: VisitStep }) => ({
      steps: appendStep(context, params.step, timeOf(context, event)),
    })),
    // Due since the deadline, even when noticed later (after a reload or an escalation).
    recordReminderDue: assign(({ context }) => ({
      steps: appendStep(context, 'browsing.reminderDue', clampTime(context, context.reminderAt)),
    })),
    armReminder: assign(({ context, event }) => ({
      reminderAt: timeOf(context, event) + context.recheckAfterMs,
    })),
    recordFoundEverything: assign({ foundEverything: true }),
    recordMissingSomething: assign({ foundEverything: false }),
    recordFeedback: assign(({ event }) => {
      assertEvent(event, 'FEEDBACK');
      return { feedback: toFeedback(event) };
    }),
    recordEscalation: assign(({ context, event }) => {
      assertEvent(event, 'ESCALATE');
      const at = timeOf(context, event);
      return { escalation: { reason: clipReason(event.reason), at, from: lastStep(context) } };
    }),
    recordTransfer: assign(({ context, event }) => {
      assertEvent(event, 'TRANSFER');
      const { toService, toClerk } = event;
      const at = timeOf(context, event);
      return {
        transfer: {
          ...(toService === undefined ? {} : { toService }),
          ...(toClerk === undefined ? {} : { toClerk }),
          at,
        },
      };
    }),
  },
  guards: {
    validFeedback: ({ event }) => event.type === 'FEEDBACK' && isValidFeedback(event),
    validTransfer: ({ context, event }) =>
      event.type === 'TRANSFER' && isValidTransfer(context, event),
    validReason: ({ event }) => event.type === 'ESCALATE' && isValidReason(event),
    /** Judged by the event's own time, so a restore or a return after the deadline is due. */
    reminderOverdue: ({ context, event }) =>
      context.reminderAt !== null && 'at' in event && timeOf(context, event) >= context.reminderAt,
  },
  delays: {
    recheck: ({ context, event }) => reminderDelay(context, timeOf(context, event)),
  },
}).createMachine({
  id: 'visit',
  context: ({ input }) => initialContext(input),
  initial: 'serving',
  states: {
    // Wrapper so that escalation can leave it and come back through deep history.
    serving: {
      initial: 'greeting',
      on: {
        ESCALATE: { guard: 'validReason', target: 'escalated', actions: 'recordEscalation' },
        TRANSFER: { guard: 'validTransfer', target: 'transferred', actions: 'recordTransfer' },
        CUSTOMER_LEFT: { target: 'abandoned' },
        FINISHED: { target: 'done' },
      },
      states: {
        greeting: {
          entry: record('greeting'),
          on: { GREETED: 'offeringHelp', NEEDS_HELP: 'assisting' },
        },
        offeringHelp: {
          entry: record('offeringHelp'),
          on: {
            HELP_ACCEPTED: 'assisting',
            HELP_DECLINED: { target: 'browsing', actions: 'armReminder' },
          },
        },
        browsing: {
          initial: 'looking',
          on: {
            OFFER_AGAIN: 'offeringHelp',
            NEEDS_HELP: 'assisting',
            READY_TO_PAY: 'checkingOut',
          },
          states: {
            looking: {
              entry: record('browsing.looking'),
              always: { guard: 'reminderOverdue', target: 'reminderDue' },
              after: { recheck: 'reminderDue' },
              on: { RESUMED: { target: 'looking', reenter: true } },
            },
            // The UI shows and sounds the nudge "Are you finding everything?" here.
            reminderDue: {
              entry: 'recordReminderDue',
              on: { STILL_BROWSING: { target: 'looking', actions: 'armReminder' } },
            },
          },
        },
        assisting: {
          entry: record('assisting'),
          on: {
            READY_TO_PAY: 'checkingOut',
            STILL_BROWSING: { target: 'browsing', actions: 'armReminder' },
          },
        },
        // Records the answer to "Did you find everything?", then waits for payment. PAID is
        // accepted before the answer too (the till is not blocked); foundEverything stays null.
        checkingOut: {
          initial: 'asking',
          on: { PAID: 'thanking' },
          states: {
            asking: {
              entry: record('checkingOut.asking'),
              on: {
                FOUND_EVERYTHING: { target: 'paying', actions: 'recordFoundEverything' },
                MISSING_SOMETHING: {
                  target: '#visit.serving.assisting',
                  actions: 'recordMissingSomething',
                },
              },
            },
            paying: { entry: record('checkingOut.paying') },
          },
        },
        thanking: {
          entry: record('thanking'),
          on: {
            FEEDBACK: { guard: 'validFeedback', target: '#visit.done', actions: 'recordFeedback' },
            SKIP_FEEDBACK: '#visit.done',
            // They have paid: walking off without rating is a finished visit, not abandoned.
            CUSTOMER_LEFT: '#visit.done',
          },
        },
        hist: { type: 'history', history: 'deep' },
      },
    },
    escalated: {
      entry: record('escalated'),
      on: {
        MANAGER_RESOLVED: 'serving.hist',
        FINISHED: 'done',
        TRANSFER: { guard: 'validTransfer', target: 'transferred', actions: 'recordTransfer' },
        CUSTOMER_LEFT: 'abandoned',
      },
    },
    done: { type: 'final', entry: record('done') },
    transferred: { type: 'final', entry: record('transferred') },
    abandoned: { type: 'final', entry: record('abandoned') },
  },
});

export type VisitMachine = typeof visitMachine;
