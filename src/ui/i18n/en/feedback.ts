import type { Message } from '../message.ts';

/**
 * The rating screen the clerk hands to the customer, in the customer's language (the one chosen
 * at the kiosk): three faces, an optional 0–10, nothing else.
 */
export const enFeedback = {
  'feedback.title': 'How was your visit today?',
  'feedback.hint': 'One tap on a face is enough.',
  'feedback.bad': 'Bad',
  'feedback.neutral': 'Okay',
  'feedback.good': 'Good',
  'feedback.nps': 'How likely are you to recommend us? (optional)',
  'feedback.npsLow': 'Not likely',
  'feedback.npsHigh': 'Very likely',
  'feedback.skip': 'No, thanks',
  'feedback.thanks': 'Thank you!',
} as const satisfies Record<string, Message>;
