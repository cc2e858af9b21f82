import type { enFeedback } from '../en/feedback.ts';
import type { Translation } from '../message.ts';

export const hiFeedback: Translation<typeof enFeedback> = {
  'feedback.title': 'आज आपका अनुभव कैसा रहा?',
  'feedback.hint': 'बस एक चेहरे को छुएँ।',
  'feedback.bad': 'खराब',
  'feedback.neutral': 'ठीक-ठाक',
  'feedback.good': 'अच्छा',
  'feedback.nps': 'आप हमें दूसरों को सुझाएँगे, इसकी कितनी संभावना है? (वैकल्पिक)',
  'feedback.npsLow': 'कम संभावना',
  'feedback.npsHigh': 'बहुत संभावना',
  'feedback.skip': 'नहीं, धन्यवाद',
  'feedback.thanks': 'धन्यवाद!',
};
