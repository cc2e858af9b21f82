import { describe, expect, it } from 'vitest';
import { fold } from '../queue/fold.ts';
import { ev } from '../testing/store.ts';
import { callMessages, LIVE_CALL_MS } from './messages.ts';

describe('public call announcements', () => {
  const issued = ev('k', 1, 1000, {
    type: 'ticket.issued',
    ticket: 't1',
    service: 'advice',
    number: 'A001',
    n: 1,
  });
  const win = ev('a', 1, 2000, { type: 'ticket.called', ticket: 't1', counter: 'c1' });
  const lose = ev('b', 1, 2001, { type: 'ticket.called', ticket: 't1', counter: 'c2' });
  const state = fold([issued, win, lose]);

  it('announces the winning call with the contract fields', () => {
    const [m] = callMessages([win], state, 3000);
    expect(m?.subtopic).toBe('calls');
    expect(JSON.parse(m!.payload)).toEqual({
      ticket: 't1',
      number: 'A001',
      service: 'advice',
      counter: 'c1',
      at: new Date(2000).toISOString(),
      recall: false,
    });
  });

  it('does not announce a call that lost a conflict, nor one that arrives late by catch-up', () => {
    expect(callMessages([lose], state, 3000)).toEqual([]);
    expect(callMessages([win], state, 2000 + LIVE_CALL_MS + 1)).toEqual([]);
  });
});
