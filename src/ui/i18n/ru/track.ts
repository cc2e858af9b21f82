import type { enTrack } from '../en/track.ts';
import type { Translation } from '../message.ts';

export const ruTrack: Translation<typeof enTrack> = {
  'track.title': 'Ваш талон — {store}',
  'track.number': 'Ваш номер',
  'track.loading': 'Загружаем ваш талон…',
  'track.ahead': {
    '=0': 'Ваша очередь — следующая!',
    one: 'Перед вами {count} человек',
    few: 'Перед вами {count} человека',
    many: 'Перед вами {count} человек',
    other: 'Перед вами {count} человека',
  },
  'track.waitAbout': 'Примерно {estimate} ({range})',
  'track.waitUnderMinute': 'Меньше минуты',
  'track.callWhenOpen': 'Мы вызовем вас, как только откроется окно.',
  'track.next': 'Пожалуйста, будьте рядом с окнами обслуживания: скоро вас вызовут.',
  'track.called': 'Ваша очередь! Пожалуйста, пройдите: {counter}.',
  'track.serving': 'Вас обслуживают: {counter}.',
  'track.done': 'Спасибо за визит!',
  'track.noShow':
    'Мы вызывали ваш номер, но не нашли вас. Пожалуйста, возьмите новый талон в киоске.',
  'track.cancelled': 'Вы вышли из очереди. Спасибо, что предупредили нас.',
  'track.notFound': 'Мы не можем найти этот талон. Талон действителен только в день выдачи.',
  'track.invalid':
    'Ссылка на талон недействительна. Пожалуйста, отсканируйте код на талоне ещё раз.',
  'track.offline': 'Сейчас нет связи с магазином. Пробуем снова…',
  'track.updated': 'Обновлено в {time}',
  'track.live': 'Страница обновляется сама. Не закрывайте её.',
  'track.notify': 'Сообщить, когда подойдёт моя очередь',
  'track.notify.on': 'Мы сообщим вам, когда подойдёт ваша очередь.',
  'track.notify.blocked':
    'Уведомления в этом браузере выключены. Не закрывайте эту страницу: она обновляется сама.',
  'track.leave': 'Выйти из очереди',
  'track.leave.confirm': 'Выйти из очереди? Ваш талон будет отменён, и вы потеряете место.',
  'track.leave.yes': 'Да, выйти из очереди',
  'track.leave.no': 'Нет, остаться в очереди',
  'track.leave.failed': 'Не получилось. Попробуйте ещё раз или обратитесь к сотруднику.',
  'track.alert.next': 'Талон {number}: ваша очередь — следующая.',
  'track.alert.called': 'Талон {number}: пожалуйста, пройдите: {counter}.',
};
