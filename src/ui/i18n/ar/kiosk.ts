import type { enKiosk } from '../en/kiosk.ts';
import type { Translation } from '../message.ts';

const busy = 'أُخذت تذاكر كثيرة من هنا للتو.';
const wait = 'يُرجى الانتظار';
const then = 'ثم المحاولة مرة أخرى، أو طلب المساعدة من أحد الموظفين.';

export const arKiosk: Translation<typeof enKiosk> = {
  'kiosk.setup.title': 'أي جهاز تذاكر هو هذا الجهاز اللوحي؟',
  'kiosk.setup.intro':
    'يُصدر كل جهاز تذاكر أرقامه الخاصة، لذا يُرجى تخصيص كل جهاز تذاكر لجهاز لوحي واحد فقط.',
  'kiosk.setup.empty': 'لا تتضمن إعدادات المتجر أي جهاز تذاكر. يُرجى سؤال مدير المتجر.',
  'kiosk.welcome.title': 'مرحبًا بك في {store}',
  'kiosk.welcome.prompt': 'يُرجى اختيار الخدمة للحصول على تذكرة.',
  'kiosk.welcome.noServices': 'لم تُضبط أي خدمة بعد. يُرجى سؤال أحد الموظفين.',
  'kiosk.issuing': 'لحظة من فضلك…',
  'kiosk.service.waitAbout': 'مدة الانتظار: {estimate} تقريبًا',
  'kiosk.service.waitShort': 'انتظار قصير أو بلا انتظار',
  'kiosk.service.waitChecking': 'جارٍ التحقق من مدة الانتظار…',
  'kiosk.service.priority': 'تذكرة أولوية',
  'kiosk.hours.closed': 'مغلق — نفتح {when}',
  'kiosk.hours.closedNoDate': 'مغلق الآن',
  'kiosk.hours.lineFull': 'امتلأ طابور اليوم — نفتح {when}',
  'kiosk.hours.lineFullNoDate': 'امتلأ طابور اليوم',
  'kiosk.hours.capReached': 'لا مزيد من التذاكر لهذه الخدمة اليوم',
  'kiosk.hours.today': 'اليوم الساعة {time}',
  'kiosk.hours.tomorrow': 'غدًا الساعة {time}',
  'kiosk.hours.later': 'يوم {day} الساعة {time}',
  'kiosk.error.notIssuing': 'لا تُصدر تذاكر أخرى لهذه الخدمة الآن.',
  'kiosk.priority.hint': 'تذاكر الأولوية مخصصة للحوامل وذوي الإعاقة ومن لا يستطيعون الوقوف طويلًا.',
  'kiosk.display.label': 'العرض',
  'kiosk.display.contrast': 'تباين عالٍ',
  'kiosk.display.large': 'نص أكبر',
  'kiosk.ticket.heading': 'رقمك',
  'kiosk.ticket.priority': 'تذكرة أولوية',
  'kiosk.ticket.ahead': {
    '=0': 'دورك هو التالي',
    zero: 'دورك هو التالي',
    one: 'أمامك شخص واحد',
    two: 'أمامك شخصان',
    few: 'أمامك {count} أشخاص',
    many: 'أمامك {count} شخصًا',
    other: 'أمامك {count} شخص',
  },
  'kiosk.ticket.waitAbout': 'المدة المتوقعة: {estimate} ({range})',
  'kiosk.ticket.waitUnderMinute': 'أقل من دقيقة',
  'kiosk.ticket.checking': 'جارٍ التحقق من دورك في الطابور…',
  'kiosk.ticket.callWhenOpen': 'سننادي رقمك فور فتح أحد الشبابيك.',
  'kiosk.ticket.remember': 'يُرجى تذكّر رقمك. سيظهر على الشاشة عندما يحين دورك.',
  'kiosk.ticket.qr': 'يمكنك مسح الرمز لمتابعة دورك في الطابور على هاتفك.',
  'kiosk.ticket.qrLabel': 'رمز QR: رابط لمتابعة التذكرة {number} على هاتفك',
  'kiosk.ticket.called': 'يُنادى الآن على رقمك!',
  'kiosk.ticket.goTo': 'يُرجى التوجه إلى {counter}.',
  'kiosk.ticket.print': 'طباعة التذكرة',
  'kiosk.ticket.printing': 'جارٍ طباعة تذكرتك…',
  'kiosk.ticket.done': 'تم',
  'kiosk.receipt.time': 'وقت الإصدار: {time}',
  'kiosk.receipt.track': 'لمتابعة دورك في الطابور:',
  'kiosk.error.rangeExhausted':
    'عذرًا، لا يستطيع هذا الجهاز إصدار مزيد من التذاكر اليوم. يُرجى مراجعة أحد الموظفين.',
  'kiosk.error.storageFailed': 'عذرًا، تعذّر حفظ تذكرتك. يُرجى المحاولة مرة أخرى.',
  'kiosk.error.other': 'عذرًا، حدث خطأ ما. يُرجى المحاولة مرة أخرى أو مراجعة أحد الموظفين.',
  'kiosk.error.rateLimited': {
    zero: `${busy} يُرجى المحاولة مرة أخرى، أو طلب المساعدة من أحد الموظفين.`,
    one: `${busy} ${wait} ثانية واحدة ${then}`,
    two: `${busy} ${wait} ثانيتين ${then}`,
    few: `${busy} ${wait} {count} ثوانٍ ${then}`,
    many: `${busy} ${wait} {count} ثانية ${then}`,
    other: `${busy} ${wait} {count} ثانية ${then}`,
  },
  'kiosk.error.priorityNotAllowed':
    'لا نُصدر تذاكر أولوية لهذه الخدمة. يُرجى أخذ تذكرة عادية أو مراجعة أحد الموظفين.',
};
