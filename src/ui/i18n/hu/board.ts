import type { enBoard } from '../en/board.ts';
import type { Translation } from '../message.ts';

export const huBoard: Translation<typeof enBoard> = {
  'board.nowServing': 'Kiszolgálás alatt',
  'board.ticket': 'Sorszám',
  'board.counter': 'Pult',
  'board.nobodyServed': 'A pultok hamarosan szólítják az első vásárlókat.',
  'board.latest.title': 'Legutóbbi szólítás',
  'board.latest.goTo': 'kérjük, fáradjon ide: {counter}',
  'board.waiting.title': 'Várakozók',
  'board.waiting.count': {
    one: '{count} várakozó',
    other: '{count} várakozó',
  },
  'board.waiting.estimate': 'kb. {estimate}',
  'board.waiting.short': 'alig kell várni',
  'board.waiting.checking': 'ellenőrzés…',
  'board.recent.title': 'Korábban szólított sorszámok',
  'board.announce': 'Sorszám: {number}. Kérjük, fáradjon ide: {counter}.',
  'board.enableSound': 'Hang bekapcsolása',
  'board.calledAgain': 'Újra szólítva',
};
