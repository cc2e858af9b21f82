import { describe, expect, it } from 'vitest';
import { ev } from '../testing/store.ts';
import type { EventBody } from './events.ts';
import { fold } from './fold.ts';
import { liveCalls } from './selectors.ts';

const issue = (ticket: string, number: string): EventBody => ({
  type: 'ticket.issued',
  ticket,
  service: 'advice',
  number,
  n: Number(number.slice(1)),
});

/** The log of a morning: A001 and A002 issued, then what the counters did, a second apart. */
function day(...actions: EventBody[]) {
  return fold([
    ev('k1', 1, 1000, issue('t1', 'A001')),
    ev('k1', 2, 2000, issue('t2', 'A002')),
    ...actions.map((a, i) => ev('c1', i + 1, 10_000 + i * 1000, a)),
  ]);
}

const numbers = (s: ReturnType<typeof fold>) =>
  liveCalls(s).map((c) => `${c.number}@${c.counter}${c.recall ? '!' : ''}`);

describe('liveCalls', () => {
  it('keeps a call while its customer is called or served at that counter', () => {
    const s = day(
      { type: 'ticket.called', ticket: 't1', counter: 'c1' },
      { type: 'ticket.called', ticket: 't2', counter: 'c2' },
      { type: 'ticket.started', ticket: 't2', counter: 'c2' },
    );
    expect(numbers(s)).toEqual(['A001@c1', 'A002@c2']);
  });

  it.each([
    ['a no-show', 'ticket.noShow'],
    ['a completion', 'ticket.completed'],
  ] as const)('drops a call after %s', (_, type) => {
    const s = day(
      { type: 'ticket.called', ticket: 't1', counter: 'c1' },
      { type: 'ticket.called', ticket: 't2', counter: 'c2' },
      { type, ticket: 't2', counter: 'c2' },
    );
    expect(numbers(s)).toEqual(['A001@c1']);
  });

  it('drops a cancelled ticket and one transferred away', () => {
    const s = day(
      { type: 'ticket.called', ticket: 't1', counter: 'c1' },
      { type: 'ticket.called', ticket: 't2', counter: 'c2' },
      { type: 'ticket.cancelled', ticket: 't1' },
      { type: 'ticket.transferred', ticket: 't2', counter: 'c2', toService: 'returns' },
    );
    expect(numbers(s)).toEqual([]);
  });

  it('shows a recall once, as a recall, and a re-call after a transfer at its new counter', () => {
    const s = day(
      { type: 'ticket.called', ticket: 't1', counter: 'c1' },
      { type: 'ticket.called', ticket: 't2', counter: 'c2' },
      { type: 'ticket.recalled', ticket: 't1', counter: 'c1' },
      { type: 'ticket.transferred', ticket: 't2', counter: 'c2', toService: 'returns' },
      { type: 'ticket.called', ticket: 't2', counter: 'c3' },
    );
    expect(numbers(s)).toEqual(['A001@c1!', 'A002@c3']);
  });
});
