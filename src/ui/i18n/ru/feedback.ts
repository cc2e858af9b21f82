import type { enFeedback } from '../en/feedback.ts';
import type { Translation } from '../message.ts';

export const ruFeedback: Translation<typeof enFeedback> = {
  'feedback.title': 'Как прошёл ваш визит сегодня?',
  'feedback.hint': 'Достаточно одного касания.',
  'feedback.bad': 'Плохо',
  'feedback.neutral': 'Нормально',
  'feedback.good': 'Хорошо',
  'feedback.nps': 'Насколько вероятно, что вы порекомендуете нас? (необязательно)',
  'feedback.npsLow': 'Маловероятно',
  'feedback.npsHigh': 'Очень вероятно',
  'feedback.skip': 'Нет, спасибо',
  'feedback.thanks': 'Спасибо!',
};
