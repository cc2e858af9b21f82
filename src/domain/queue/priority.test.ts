import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateEvent } from '../sync/validate.ts';
import { ev } from '../testing/store.ts';
import { callNext } from './commands.ts';
import type { EventBody } from './events.ts';
import { fold } from './fold.ts';
import { waitingTickets } from './selectors.ts';

const issued = (ticket: string, n: number, priority?: boolean): EventBody =>
  ({
    type: 'ticket.issued',
    ticket,
    service: 'advice',
    number: `A${String(n).padStart(3, '0')}`,
    n,
    ...(priority === undefined ? {} : { priority }),
  }) as EventBody;

describe('priority tickets', () => {
  it('carry an optional, validated flag', () => {
    const e = ev('kiosk-1', 1, 1000, issued('t1', 1, true));
    expect(validateEvent(e)).toEqual({ ok: true, value: e });
    const plain = ev('kiosk-1', 1, 1000, issued('t1', 1));
    expect(validateEvent({ ...plain, priority: false })).toEqual({ ok: true, value: plain });
    expect(validateEvent({ ...plain, priority: 'yes' })).toEqual({
      ok: false,
      reason: 'ticket.issued: field "priority" must be true or false',
    });
  });

  it('go first in line, in their own order, and are called first', () => {
    const state = fold([
      ev('kiosk-1', 1, 1000, issued('t1', 1)),
      ev('kiosk-1', 2, 2000, issued('t2', 2, true)),
      ev('kiosk-1', 3, 3000, issued('t3', 3)),
      ev('kiosk-1', 4, 4000, issued('t4', 4, true)),
    ]);
    expect(waitingTickets(state).map((t) => t.id)).toEqual(['t2', 't4', 't1', 't3']);
    expect(state.tickets.get('t2')?.priority).toBe(true);
    expect(callNext(state, 'c1', ['advice'], 0)).toEqual({
      ok: true,
      event: { type: 'ticket.called', ticket: 't2', counter: 'c1' },
    });
  });

  it('keep priority tickets before all others for any mix (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 30 }), (flags) => {
        const state = fold(
          flags.map((p, i) => ev('kiosk-1', i + 1, 1000 * (i + 1), issued(`t${i}`, i + 1, p))),
        );
        const line = waitingTickets(state);
        const firstPlain = line.findIndex((t) => !t.priority);
        if (firstPlain >= 0) expect(line.slice(firstPlain).every((t) => !t.priority)).toBe(true);
      }),
    );
  });
});
