import type { enClerkDesk } from '../en/clerk-desk.ts';
import type { Translation } from '../message.ts';

export const ruClerkDesk: Translation<typeof enClerkDesk> = {
  'desk.close.title': 'Закрыть {counter}?',
  'desk.close.stranded': 'Этих клиентов не обслуживает ни одно другое открытое окно:',
  'desk.close.service': '{service}: ожидают {count}',
  'desk.close.confirm': 'Всё равно закрыть',
  'desk.close.keep': 'Оставить открытым',
  'desk.pin.delete': 'Стереть',
  'desk.pin.entered': 'Введено цифр PIN: {count}',
  'desk.transfer.title': 'Передать {number}',
  'desk.transfer.toService': 'Другая услуга',
  'desk.transfer.toCounter': 'Окно',
  'desk.transfer.toColleague': 'Коллега',
  'desk.transfer.colleague': '{name} ({counter})',
  'desk.transfer.reason': 'Почему? Это прочитает следующий сотрудник.',
  'desk.transfer.send': 'Передать',
  'desk.transfer.cancel': 'Отмена',
  'desk.handover.from': 'От {who}: {reason}',
  'desk.handover.fromNoReason': 'От {who}',
  'desk.handover.forYou': 'передан вам',
  'desk.note.label': 'Заметка о визите',
  'desk.note.save': 'Сохранить заметку',
  'desk.note.saved': 'Заметка сохранена',
  'desk.error.counterClosed':
    'Это окно или этот коллега сейчас не за открытым окном. Выберите другое.',
  'desk.note.shown': 'Заметка: {note}',
};
