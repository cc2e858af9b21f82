import type { DifficultCustomer } from '../../../domain/visit/tips.ts';
import type { Satisfaction, VisitEventType, VisitStep } from '../../../domain/visit/types.ts';
import type { PlainMessageKey } from '../../../ui/i18n/translate.ts';

/** Screen words for the visit machine's steps and events. */
export const STEP_LABEL = {
  greeting: 'clerk.visit.step.greeting',
  offeringHelp: 'clerk.visit.step.offeringHelp',
  'browsing.looking': 'clerk.visit.step.browsing.looking',
  'browsing.reminderDue': 'clerk.visit.step.browsing.reminderDue',
  assisting: 'clerk.visit.step.assisting',
  'checkingOut.asking': 'clerk.visit.step.checkingOut.asking',
  'checkingOut.paying': 'clerk.visit.step.checkingOut.paying',
  thanking: 'clerk.visit.step.thanking',
  escalated: 'clerk.visit.step.escalated',
  done: 'clerk.visit.step.done',
  transferred: 'clerk.visit.step.transferred',
  abandoned: 'clerk.visit.step.abandoned',
} as const satisfies Record<VisitStep, PlainMessageKey>;

/** Buttons the screen offers; FEEDBACK is the faces, FINISHED and RESUMED are never buttons. */
export const ACTION_LABEL = {
  GREETED: 'clerk.visit.action.GREETED',
  HELP_ACCEPTED: 'clerk.visit.action.HELP_ACCEPTED',
  HELP_DECLINED: 'clerk.visit.action.HELP_DECLINED',
  OFFER_AGAIN: 'clerk.visit.action.OFFER_AGAIN',
  NEEDS_HELP: 'clerk.visit.action.NEEDS_HELP',
  STILL_BROWSING: 'clerk.visit.action.STILL_BROWSING',
  READY_TO_PAY: 'clerk.visit.action.READY_TO_PAY',
  FOUND_EVERYTHING: 'clerk.visit.action.FOUND_EVERYTHING',
  MISSING_SOMETHING: 'clerk.visit.action.MISSING_SOMETHING',
  PAID: 'clerk.visit.action.PAID',
  SKIP_FEEDBACK: 'clerk.visit.action.SKIP_FEEDBACK',
  MANAGER_RESOLVED: 'clerk.visit.action.MANAGER_RESOLVED',
  ESCALATE: 'clerk.visit.action.ESCALATE',
  TRANSFER: 'clerk.visit.action.TRANSFER',
  CUSTOMER_LEFT: 'clerk.visit.action.CUSTOMER_LEFT',
} as const satisfies Partial<Record<VisitEventType, PlainMessageKey>>;

export type ButtonEvent = keyof typeof ACTION_LABEL;

export function isButtonEvent(type: VisitEventType): type is ButtonEvent {
  return type in ACTION_LABEL;
}

export const DIFFICULT_LABEL = {
  undecided: 'clerk.visit.difficult.undecided',
  knowItAll: 'clerk.visit.difficult.knowItAll',
  rude: 'clerk.visit.difficult.rude',
  offended: 'clerk.visit.difficult.offended',
} as const satisfies Record<DifficultCustomer, PlainMessageKey>;

export const SATISFACTION_LABEL = {
  bad: 'clerk.visit.feedback.bad',
  neutral: 'clerk.visit.feedback.neutral',
  good: 'clerk.visit.feedback.good',
} as const satisfies Record<Satisfaction, PlainMessageKey>;
