import type { enBoard } from '../en/board.ts';
import type { Translation } from '../message.ts';

export const ruBoard: Translation<typeof enBoard> = {
  'board.nowServing': 'Сейчас обслуживаются',
  'board.ticket': 'Талон',
  'board.counter': 'Окно',
  'board.nobodyServed': 'Скоро начнётся вызов первых посетителей.',
  'board.latest.title': 'Последний вызов',
  'board.latest.goTo': 'пройдите, пожалуйста: {counter}',
  'board.waiting.title': 'Ожидают',
  'board.waiting.count': {
    one: '{count} человек ждёт',
    few: '{count} человека ждут',
    many: '{count} человек ждут',
    other: '{count} человека ждут',
  },
  'board.waiting.estimate': 'примерно {estimate}',
  'board.waiting.short': 'почти без ожидания',
  'board.waiting.checking': 'уточняем…',
  'board.recent.title': 'Ранее вызванные',
  'board.announce': 'Талон номер {number}, {counter}.',
  'board.enableSound': 'Включить звук',
  'board.calledAgain': 'Вызван повторно',
};
