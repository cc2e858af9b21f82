import type { enClerkDesk } from '../en/clerk-desk.ts';
import type { Translation } from '../message.ts';

export const arClerkDesk: Translation<typeof enClerkDesk> = {
  'desk.close.title': 'إغلاق {counter}؟',
  'desk.close.stranded': 'لا يخدم أي شباك مفتوح آخر هؤلاء العملاء:',
  'desk.close.service': '{service}: في الانتظار {count}',
  'desk.close.confirm': 'أغلق على أي حال',
  'desk.close.keep': 'أبقه مفتوحًا',
  'desk.pin.delete': 'حذف',
  'desk.pin.entered': 'أرقام الرمز المدخلة: {count}',
  'desk.transfer.title': 'تحويل {number}',
  'desk.transfer.toService': 'خدمة أخرى',
  'desk.transfer.toCounter': 'شباك',
  'desk.transfer.toColleague': 'زميل',
  'desk.transfer.colleague': '{name} ({counter})',
  'desk.transfer.reason': 'لماذا؟ سيقرأ الموظف التالي هذا.',
  'desk.transfer.send': 'تحويل',
  'desk.transfer.cancel': 'إلغاء',
  'desk.handover.from': 'من {who}: {reason}',
  'desk.handover.fromNoReason': 'من {who}',
  'desk.handover.forYou': 'محوَّل إليك',
  'desk.note.label': 'ملاحظة عن الزيارة',
  'desk.note.save': 'حفظ الملاحظة',
  'desk.note.saved': 'تم حفظ الملاحظة',
  'desk.error.counterClosed': 'هذا الشباك أو الزميل ليس عند شباك مفتوح الآن. اختر غيره.',
  'desk.note.shown': 'ملاحظة: {note}',
};
