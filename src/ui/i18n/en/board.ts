import type { Message } from '../message.ts';

export const enBoard = {
  'board.nowServing': 'Now serving',
  'board.ticket': 'Ticket',
  'board.counter': 'Counter',
  'board.nobodyServed': 'Counters will call the first customers soon.',
  'board.latest.title': 'Latest call',
  'board.latest.goTo': 'please go to {counter}',
  'board.waiting.title': 'Waiting',
  'board.waiting.count': {
    one: '{count} waiting',
    other: '{count} waiting',
  },
  'board.waiting.estimate': 'about {estimate}',
  'board.waiting.short': 'little or no wait',
  'board.waiting.checking': 'checking…',
  'board.recent.title': 'Called before',
  'board.announce': 'Ticket {number}, please go to {counter}.',
  'board.enableSound': 'Turn on sound',
  'board.calledAgain': 'Called again',
} as const satisfies Record<string, Message>;
