import type { enKiosk } from '../en/kiosk.ts';
import type { Translation } from '../message.ts';

const busy = 'أُخذت تذاكر كثيرة من هنا للتو.';
const then = 'ثم حاول مرة أخرى، أو اطلب المساعدة من أحد الموظفين.';

export const arKiosk: Translation<typeof enKiosk> = {
  'kiosk.setup.title': 'أي جهاز تذاكر هو هذا الجهاز اللوحي؟',
  'kiosk.setup.intro':
    'يُصدر كل جهاز تذاكر أرقامه الخاصة، لذا خصّص كل جهاز تذاكر لجهاز لوحي واحد فقط.',
  'kiosk.setup.empty': 'لا تتضمن إعدادات المتجر أي جهاز تذاكر. اسأل مدير المتجر.',
  'kiosk.welcome.title': 'مرحبًا بكم في {store}',
  'kiosk.welcome.prompt': 'كيف يمكننا مساعدتك؟ المس الخدمة لتأخذ تذكرة.',
  'kiosk.welcome.noServices': 'لم تُضبط أي خدمة بعد. يُرجى سؤال أحد الموظفين.',
  'kiosk.issuing': 'لحظة من فضلك…',
  'kiosk.service.waitAbout': 'مدة الانتظار: {estimate} تقريبًا',
  'kiosk.service.waitShort': 'انتظار قصير أو بلا انتظار',
  'kiosk.service.priority': 'تذكرة أولوية',
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
  'kiosk.ticket.callWhenOpen': 'سننادي رقمك فور فتح أحد الشبابيك.',
  'kiosk.ticket.remember': 'يُرجى تذكّر رقمك. سننادي عليه على الشاشة.',
  'kiosk.ticket.qr': 'امسح الرمز لمتابعة دورك في الطابور على هاتفك.',
  'kiosk.ticket.qrLabel': 'رمز QR: رابط لمتابعة التذكرة {number} على هاتفك',
  'kiosk.ticket.called': 'يُنادى الآن على رقمك!',
  'kiosk.ticket.goTo': 'يُرجى التوجه إلى {counter}.',
  'kiosk.ticket.print': 'اطبع التذكرة',
  'kiosk.ticket.printing': 'جارٍ طباعة تذكرتك…',
  'kiosk.ticket.done': 'تم',
  'kiosk.receipt.time': 'وقت الإصدار: {time}',
  'kiosk.receipt.track': 'تابع دورك في الطابور:',
  'kiosk.error.rangeExhausted':
    'عذرًا، لا يستطيع هذا الجهاز إصدار مزيد من التذاكر اليوم. يُرجى مراجعة أحد الموظفين.',
  'kiosk.error.storageFailed': 'عذرًا، تعذّر حفظ تذكرتك. يُرجى المحاولة مرة أخرى.',
  'kiosk.error.other': 'عذرًا، حدث خطأ ما. يُرجى المحاولة مرة أخرى أو مراجعة أحد الموظفين.',
  'kiosk.error.rateLimited': {
    zero: `${busy} ${then}`,
    one: `${busy} يُرجى الانتظار ثانية واحدة ${then}`,
    two: `${busy} يُرجى الانتظار ثانيتين ${then}`,
    few: `${busy} يُرجى الانتظار {count} ثوانٍ ${then}`,
    many: `${busy} يُرجى الانتظار {count} ثانية ${then}`,
    other: `${busy} يُرجى الانتظار {count} ثانية ${then}`,
  },
  'kiosk.error.priorityNotAllowed':
    'لا نُصدر تذاكر أولوية لهذه الخدمة. يُرجى أخذ تذكرة عادية أو مراجعة أحد الموظفين.',
};
