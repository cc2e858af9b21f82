import type { enFeedback } from '../en/feedback.ts';
import type { Translation } from '../message.ts';

export const huFeedback: Translation<typeof enFeedback> = {
  'feedback.title': 'Milyen volt ma a látogatása?',
  'feedback.hint': 'Elég egyszer megérinteni egy arcot.',
  'feedback.bad': 'Rossz',
  'feedback.neutral': 'Elfogadható',
  'feedback.good': 'Jó',
  'feedback.nps': 'Mennyire valószínű, hogy ajánlana minket? (nem kötelező)',
  'feedback.npsLow': 'Nem valószínű',
  'feedback.npsHigh': 'Nagyon valószínű',
  'feedback.skip': 'Nem, köszönöm',
  'feedback.thanks': 'Köszönjük!',
};
