import type { enBoard } from '../en/board.ts';
import type { Translation } from '../message.ts';

export const plBoard: Translation<typeof enBoard> = {
  'board.nowServing': 'Teraz obsługujemy',
  'board.ticket': 'Bilet',
  'board.counter': 'Stanowisko',
  'board.nobodyServed': 'Stanowiska wkrótce wywołają pierwszych klientów.',
  'board.latest.title': 'Ostatnie wywołanie',
  'board.latest.goTo': 'zapraszamy do: {counter}',
  'board.waiting.title': 'Oczekujący',
  'board.waiting.count': {
    one: '{count} osoba czeka',
    few: '{count} osoby czekają',
    many: '{count} osób czeka',
    other: '{count} osoby czeka',
  },
  'board.waiting.estimate': 'ok. {estimate}',
  'board.waiting.short': 'prawie bez czekania',
  'board.waiting.checking': 'sprawdzamy…',
  'board.recent.title': 'Wcześniej wywołani',
  'board.announce': 'Numer {number}, {counter}.',
  'board.enableSound': 'Włącz dźwięk',
  'board.calledAgain': 'Wezwany ponownie',
};
