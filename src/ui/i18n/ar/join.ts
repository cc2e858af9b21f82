import type { enJoin } from '../en/join.ts';
import type { Translation } from '../message.ts';

export const arJoin: Translation<typeof enJoin> = {
  'join.title': 'انضم إلى الطابور في {store}',
  'join.intro': 'اختر ما تحتاجه. بلا تطبيق وبلا حساب.',
  'join.name.label': 'اسمك الأول (اختياري)',
  'join.name.hint': 'لنرحّب بك باسمك.',
  'join.joining': 'لحظة من فضلك…',
  'join.checkInNote': 'اضغط «أنا هنا» عند وصولك.',
  'join.notOffered':
    'لا يصدر هذا المتجر تذاكر عبر الهاتف. يُرجى أخذ تذكرة من جهاز التذاكر في المتجر.',
  'join.error.phoneHasTicket': 'لهذا الهاتف تذكرة في الطابور بالفعل.',
  'join.openTicket': 'افتح تذكرتي',
  'join.error.addressLimit':
    'أُخذت تذاكر كثيرة من هذه الشبكة للتو. يُرجى المحاولة مجددًا في {time}، أو أخذ تذكرة من جهاز التذاكر.',
  'join.error.serviceHourFull':
    'نفدت تذاكر الهاتف لهذه الخدمة حاليًا. يُرجى المحاولة مجددًا في {time}، أو أخذ تذكرة من جهاز التذاكر.',
  'join.error.other': 'عذرًا، لم ينجح ذلك. يُرجى المحاولة مرة أخرى.',
  'join.error.offline': 'يتعذّر الاتصال بالمتجر الآن. يُرجى المحاولة مرة أخرى.',
  'join.here': 'أنا هنا',
  'join.here.due': 'اضغط «أنا هنا» عندما تكون في المتجر، قبل {time}، وإلا فقدت مكانك.',
  'join.here.done': 'شكرًا، سُجّل وصولك.',
  'join.here.notInStore':
    'يُرجى الاتصال بشبكة Wi-Fi الخاصة بالمتجر والضغط مرة أخرى، أو إدخال رقمك في جهاز التذاكر.',
  'join.here.failed': 'لم ينجح ذلك. يُرجى المحاولة مرة أخرى أو إبلاغ أحد الموظفين.',
  'join.dropped.noCheckIn': 'لم تسجّل وصولك في الوقت المحدد، لذا فقدت مكانك. يسعدنا انضمامك مجددًا.',
  'join.dropped.closed': 'أُغلق طابور اليوم قبل أن يحين دورك. نعتذر عن الانتظار.',
  'join.poster.title': 'انضم إلى الطابور من هاتفك',
  'join.poster.scan': 'امسح الرمز واختر ما تحتاجه، وسننادي رقمك.',
};
