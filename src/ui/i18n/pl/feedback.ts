import type { enFeedback } from '../en/feedback.ts';
import type { Translation } from '../message.ts';

export const plFeedback: Translation<typeof enFeedback> = {
  'feedback.title': 'Jak oceniasz dzisiejszą wizytę?',
  'feedback.hint': 'Wystarczy dotknąć jednej buźki.',
  'feedback.bad': 'Źle',
  'feedback.neutral': 'Tak sobie',
  'feedback.good': 'Dobrze',
  'feedback.nps': 'Czy polecisz nas znajomym? (opcjonalnie)',
  'feedback.npsLow': 'Raczej nie',
  'feedback.npsHigh': 'Na pewno',
  'feedback.skip': 'Nie, dziękuję',
  'feedback.thanks': 'Dziękujemy!',
};
