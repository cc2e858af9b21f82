import type { enKiosk } from '../en/kiosk.ts';
import type { Translation } from '../message.ts';

const busy = 'Здесь только что взяли много талонов.';
const then = 'и попробуйте снова или обратитесь к сотруднику.';

export const ruKiosk: Translation<typeof enKiosk> = {
  'kiosk.setup.title': 'Каким киоском будет этот планшет?',
  'kiosk.setup.intro':
    'Каждый киоск выдаёт свои номера талонов, поэтому назначайте каждый киоск только одному планшету.',
  'kiosk.setup.empty': 'В настройках магазина нет киосков. Обратитесь к управляющему магазином.',
  'kiosk.welcome.title': '{store}: добро пожаловать!',
  'kiosk.welcome.prompt': 'Выберите услугу, чтобы взять талон.',
  'kiosk.welcome.noServices': 'Услуги ещё не настроены. Пожалуйста, обратитесь к сотруднику.',
  'kiosk.issuing': 'Минутку…',
  'kiosk.service.waitAbout': 'Ожидание примерно {estimate}',
  'kiosk.service.waitShort': 'Ждать почти не придётся',
  'kiosk.service.waitChecking': 'Уточняем время ожидания…',
  'kiosk.service.priority': 'Приоритетный талон',
  'kiosk.hours.closed': 'Закрыто — откроемся: {when}',
  'kiosk.hours.closedNoDate': 'Сейчас закрыто',
  'kiosk.hours.lineFull': 'Очередь на сегодня заполнена — откроемся: {when}',
  'kiosk.hours.lineFullNoDate': 'Очередь на сегодня заполнена',
  'kiosk.hours.capReached': 'На сегодня талонов на эту услугу больше нет',
  'kiosk.hours.today': 'сегодня в {time}',
  'kiosk.hours.tomorrow': 'завтра в {time}',
  'kiosk.hours.later': '{day}, {time}',
  'kiosk.error.notIssuing': 'Талоны на эту услугу сейчас больше не выдаются.',
  'kiosk.priority.hint':
    'Приоритетный талон — для беременных, людей с инвалидностью и тех, кому трудно долго стоять.',
  'kiosk.display.label': 'Экран',
  'kiosk.display.contrast': 'Высокий контраст',
  'kiosk.display.large': 'Крупный текст',
  'kiosk.ticket.heading': 'Ваш номер',
  'kiosk.ticket.priority': 'Приоритетный талон',
  'kiosk.ticket.ahead': {
    '=0': 'Ваша очередь — следующая',
    one: 'Перед вами {count} человек',
    few: 'Перед вами {count} человека',
    many: 'Перед вами {count} человек',
    other: 'Перед вами {count} человека',
  },
  'kiosk.ticket.waitAbout': 'Примерно {estimate} ({range})',
  'kiosk.ticket.waitUnderMinute': 'Меньше минуты',
  'kiosk.ticket.checking': 'Уточняем ваше место в очереди…',
  'kiosk.ticket.callWhenOpen': 'Мы вызовем вас, как только откроется окно.',
  'kiosk.ticket.remember': 'Пожалуйста, запомните свой номер. Мы вызовем его на табло.',
  'kiosk.ticket.qr': 'Отсканируйте код, чтобы следить за очередью на телефоне.',
  'kiosk.ticket.qrLabel': 'QR-код: ссылка, чтобы следить за талоном {number} на телефоне',
  'kiosk.ticket.called': 'Ваш номер вызывают!',
  'kiosk.ticket.goTo': 'Пожалуйста, пройдите: {counter}.',
  'kiosk.ticket.print': 'Распечатать талон',
  'kiosk.ticket.printing': 'Печатаем ваш талон…',
  'kiosk.ticket.done': 'Готово',
  'kiosk.receipt.time': 'Выдан в {time}',
  'kiosk.receipt.track': 'Следите за очередью:',
  'kiosk.error.rangeExhausted':
    'Извините, сегодня этот киоск больше не может выдавать талоны. Пожалуйста, обратитесь к сотруднику.',
  'kiosk.error.storageFailed': 'Извините, не удалось сохранить талон. Попробуйте ещё раз.',
  'kiosk.error.other':
    'Извините, что-то пошло не так. Попробуйте ещё раз или обратитесь к сотруднику.',
  'kiosk.error.rateLimited': {
    one: `${busy} Подождите {count} секунду ${then}`,
    few: `${busy} Подождите {count} секунды ${then}`,
    many: `${busy} Подождите {count} секунд ${then}`,
    other: `${busy} Подождите {count} секунды ${then}`,
  },
  'kiosk.error.priorityNotAllowed':
    'Для этой услуги приоритетные талоны не выдаются. Возьмите обычный талон или обратитесь к сотруднику.',
  'kiosk.checkIn.open': 'У меня талон с телефона',
  'kiosk.checkIn.prompt': 'Введите номер с экрана телефона',
  'kiosk.checkIn.submit': 'Отметиться',
  'kiosk.checkIn.cancel': 'Назад',
  'kiosk.checkIn.done': 'Спасибо, {number} отмечен.',
  'kiosk.checkIn.unknown': 'Мы не нашли талон с телефона {number}, ожидающий отметки.',
  'kiosk.checkIn.booked.open': 'У меня запись на время',
  'kiosk.checkIn.booked.prompt': 'Введите 6-значный код записи',
  'kiosk.checkIn.booked.unknown': 'Мы не нашли записи на сегодня с кодом {code}.',
  'kiosk.checkIn.booked.cancelled': 'Запись с кодом {code} отменена. Пожалуйста, возьмите талон.',
  'kiosk.checkIn.booked.arrived': 'Вы уже отметились: ваш номер {number}.',
  'kiosk.checkIn.booked.late':
    'Время вашей записи прошло. Пожалуйста, возьмите талон — мы обслужим вас как можно скорее.',
};
