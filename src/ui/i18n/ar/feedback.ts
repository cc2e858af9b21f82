import type { enFeedback } from '../en/feedback.ts';
import type { Translation } from '../message.ts';

export const arFeedback: Translation<typeof enFeedback> = {
  'feedback.title': 'كيف كانت زيارتك اليوم؟',
  'feedback.hint': 'تكفي لمسة واحدة على أحد الوجوه.',
  'feedback.bad': 'سيئة',
  'feedback.neutral': 'مقبولة',
  'feedback.good': 'جيدة',
  'feedback.nps': 'ما مدى احتمال أن توصي بنا؟ (اختياري)',
  'feedback.npsLow': 'غير محتمل',
  'feedback.npsHigh': 'محتمل جدًا',
  'feedback.skip': 'لا، شكرًا',
  'feedback.thanks': 'شكرًا لك!',
};
