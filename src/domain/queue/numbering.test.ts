import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testStore } from '../testing/store.ts';
import { issueTicket } from './commands.ts';
import { applyEvent, fold } from './fold.ts';
import { formatTicketNumber } from './numbering.ts';
import { emptyState } from './state.ts';
import { ev } from '../testing/store.ts';
import type { StoreEvent } from './events.ts';

const issued = (ticket: string, number: string, n: number) =>
  ({ type: 'ticket.issued', ticket, service: 'advice', number, n }) as const;

const [k1, k2] = testStore.kiosks as [(typeof testStore.kiosks)[0], (typeof testStore.kiosks)[0]];

describe('ticket numbering', () => {
  it('formats the service prefix and a zero-padded number', () => {
    expect(formatTicketNumber('A', 23, { from: 1, to: 499 })).toBe('A023');
    expect(formatTicketNumber('R', 1234, { from: 1000, to: 9999 })).toBe('R1234');
  });

  it('starts each kiosk at the bottom of its own range and counts per service', () => {
    const s = emptyState();
    const first = issueTicket(s, testStore, k2, 'advice', 't1');
    expect(first).toMatchObject({ ok: true, event: { number: 'A500', n: 500 } });
    if (first.ok) applyEvent(s, ev('k2', 1, 1000, first.event));
    const second = issueTicket(s, testStore, k2, 'advice', 't2');
    expect(second.ok && second.event.type === 'ticket.issued' && second.event.number).toBe('A501');
    const returns = issueTicket(s, testStore, k2, 'returns', 't3');
    expect(returns.ok && returns.event.type === 'ticket.issued' && returns.event.number).toBe(
      'R500',
    );
  });

  it('says when a kiosk has used up its range', () => {
    const small = { ...k1, range: { from: 1, to: 1 } };
    const s = emptyState();
    const first = issueTicket(s, testStore, small, 'advice', 't1');
    if (first.ok) applyEvent(s, ev('k1', 1, 1000, first.event));
    expect(issueTicket(s, testStore, small, 'advice', 't2')).toEqual({
      ok: false,
      error: 'rangeExhausted',
    });
  });

  it("steps over a number someone else put in this kiosk's range instead of running out", () => {
    // issue 15: one ticket numbered A999 made the kiosk owning 500..999 say "range exhausted"
    const s = emptyState();
    applyEvent(s, ev('kiosk-x', 1, 1000, issued('x1', 'A999', 999)));
    applyEvent(s, ev('kiosk-x', 2, 1001, issued('x2', 'A501', 501)));
    const next = () => {
      const r = issueTicket(s, testStore, k2, 'advice', `t${s.tickets.size}`);
      if (!r.ok || r.event.type !== 'ticket.issued') throw new Error('not issued');
      applyEvent(s, ev('k2', s.tickets.size, 2000 + s.tickets.size, r.event));
      return r.event.number;
    };
    expect([next(), next(), next()]).toEqual(['A500', 'A502', 'A503']);
  });

  it('never gives two tickets the same number when kiosks issue while partitioned (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.constantFrom('advice', 'returns'), fc.boolean()), {
          maxLength: 80,
        }),
        (steps) => {
          // each kiosk sees only its own tickets until `sync` merges both views
          const logs: StoreEvent[][] = [[], []];
          const seqs = [0, 0];
          let wall = 1000;
          for (const [second, service, sync] of steps) {
            const i = second ? 1 : 0;
            const state = fold(logs[i]!);
            const r = issueTicket(state, testStore, i ? k2 : k1, service, `t${wall}`);
            if (r.ok) logs[i]!.push(ev(`k${i}`, ++seqs[i]!, wall++, r.event));
            if (sync) {
              const all = [...new Map([...logs[0]!, ...logs[1]!].map((e) => [e.id, e])).values()];
              logs[0] = [...all];
              logs[1] = [...all];
            }
          }
          const merged = fold([
            ...new Map([...logs[0]!, ...logs[1]!].map((e) => [e.id, e])).values(),
          ]);
          const numbers = [...merged.tickets.values()].map((t) => t.number);
          expect(new Set(numbers).size).toBe(numbers.length);
        },
      ),
    );
  });
});
