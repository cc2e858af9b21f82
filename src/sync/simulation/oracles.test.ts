import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../../domain/clock/hlc.ts';
import type { EventBody, StoreEvent } from '../../domain/queue/events.ts';
import { emptyState, type Ticket } from '../../domain/queue/state.ts';
import {
  issueTimesFromLog,
  lineOrderViolations,
  numbersIssuedTwice,
  numbersShownTwice,
  TicketWatch,
} from './oracles.ts';

/** The oracles must be able to fail: each is shown a broken state and must say so. */
const T0 = Date.UTC(2026, 10, 23, 22, 30);
let seq = 0;
const ev = (wall: number, body: EventBody): StoreEvent => ({
  id: `k:${++seq}`,
  store: 's',
  device: 'k',
  seq,
  hlc: encodeHlc({ wall, counter: 0 }),
  ...body,
});
const issued = (ticket: string, number: string, wall = T0): StoreEvent =>
  ev(wall, { type: 'ticket.issued', ticket, service: 'advice', number, n: 1 });
const ticket = (id: string, number: string, service = 'advice'): Ticket => ({
  id,
  number,
  n: 1,
  service,
  status: 'waiting',
  issuedAt: T0,
  queuedHlc: encodeHlc({ wall: T0, counter: 0 }),
  issuedBy: 'k',
  recalls: 0,
});

describe('state oracles', () => {
  it('see a number shown twice', () => {
    const s = emptyState();
    s.tickets.set('a', ticket('a', 'A001'));
    expect(numbersShownTwice(s)).toEqual([]);
    s.tickets.set('b', ticket('b', 'A001'));
    expect(numbersShownTwice(s)).toEqual(['A001 on a and b']);
  });

  it('see a number issued twice in one store day, not across a midnight', () => {
    const log = [issued('a', 'A001'), issued('b', 'A001', T0 + 3_600_000)];
    // 23:30 and 00:30 in Warsaw: two days; in UTC both on the 23rd
    expect(numbersIssuedTwice(log, new Map(), 'Europe/Warsaw')).toEqual([]);
    expect(numbersIssuedTwice(log, new Map(), 'UTC')).toEqual(['2026-11-23 A001 on a and b']);
    expect(numbersIssuedTwice(log, new Map([[log[1]!.id, 'numberTaken']]), 'UTC')).toEqual([]);
  });

  it('see a service change without a transfer in the log, and a number change', () => {
    const s = emptyState();
    const log: StoreEvent[] = [];
    const watch = new TicketWatch('x');
    s.tickets.set('a', ticket('a', 'A001'));
    watch.check(s, () => log);
    s.tickets.set('a', ticket('a', 'A001', 'returns'));
    watch.check(s, () => log);
    expect(watch.violations).toEqual(['x: a went from advice to returns']);
    log.push(
      ev(T0, { type: 'ticket.transferred', ticket: 'a', counter: 'c', toService: 'advice' }),
    );
    s.tickets.set('a', ticket('a', 'A001', 'advice'));
    watch.check(s, () => log);
    expect(watch.violations).toHaveLength(1);
    s.tickets.set('a', ticket('a', 'A002', 'advice'));
    watch.check(s, () => log);
    expect(watch.violations.at(-1)).toBe('x: a went from A001 to A002');
    s.tickets.delete('a');
    expect(watch.check(s, () => log)).toEqual([
      { id: 'a', number: 'A001', issuedBy: 'k', issuedAt: T0 },
    ]);
  });

  it('see a line out of issue order beyond the window, priority left out', () => {
    const at = new Map([
      ['a', 10_000],
      ['b', 2_000],
      ['p', 50_000],
    ]);
    const line = [
      { id: 'p', number: 'P', priority: true },
      { id: 'a', number: 'A' },
      { id: 'b', number: 'B' },
    ];
    expect(lineOrderViolations(line, (id) => at.get(id), 8_000)).toEqual([]);
    expect(lineOrderViolations(line, (id) => at.get(id), 7_999)).toEqual([
      'A (issued 10000) ahead of B (issued 2000)',
    ]);
  });

  it('leave a contested ticket id out of the issue times', () => {
    const log = [issued('a', 'A001'), issued('a', 'A002', T0 + 5), issued('b', 'A003')];
    expect([...issueTimesFromLog(log, new Map())]).toEqual([['b', T0]]);
  });
});
