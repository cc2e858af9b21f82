import type { enBoard } from '../en/board.ts';
import type { Translation } from '../message.ts';

export const arBoard: Translation<typeof enBoard> = {
  'board.nowServing': 'قيد الخدمة الآن',
  'board.ticket': 'التذكرة',
  'board.counter': 'الشباك',
  'board.nobodyServed': 'ستبدأ الشبابيك بالنداء على أول العملاء قريبًا.',
  'board.latest.title': 'آخر نداء',
  'board.latest.goTo': 'يُرجى التوجه إلى {counter}',
  'board.waiting.title': 'في الانتظار',
  'board.waiting.count': {
    zero: 'لا أحد ينتظر',
    one: 'شخص واحد ينتظر',
    two: 'شخصان ينتظران',
    few: '{count} أشخاص ينتظرون',
    many: '{count} شخصًا ينتظرون',
    other: '{count} شخص ينتظرون',
  },
  'board.waiting.estimate': 'نحو {estimate}',
  'board.waiting.short': 'انتظار قصير',
  'board.waiting.checking': 'جارٍ التحقق…',
  'board.recent.title': 'النداءات السابقة',
  'board.announce': 'التذكرة رقم {number}، يُرجى التوجه إلى {counter}.',
  'board.enableSound': 'تشغيل الصوت',
  'board.calledAgain': 'نداء مجدد',
};
