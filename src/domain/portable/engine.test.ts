import { describe, expect, it } from 'vitest';
import { simulate, type CounterShift, type SimCustomer } from './engine.ts';

const T = Date.UTC(2025, 0, 6, 9);
const MIN = 60_000;
const at = (min: number): number => T + min * MIN;
const customer = (
  ticket: string,
  service: string,
  arrivalMin: number,
  minutes: number,
  extra: Partial<SimCustomer> = {},
): SimCustomer => ({
  ticket,
  service,
  arrival: at(arrivalMin),
  patienceMs: Infinity,
  visits: [{ durationMs: minutes * MIN, outcome: 'completed' }],
  ...extra,
});
const shift = (
  counter: string,
  services: string[],
  from: number,
  to: number,
  drain = false,
): CounterShift => ({
  counter,
  services,
  from: at(from),
  to: at(to),
  ...(drain ? { drain } : {}),
});
const calls = (customers: SimCustomer[], shifts: CounterShift[]): (number | null)[] =>
  [...simulate(customers, shifts).firstCall].map((t) => (Number.isNaN(t) ? null : (t - T) / MIN));

describe('simulation engine', () => {
  it('a free counter calls the earliest ticket among its services', () => {
    const c = [customer('a1', 'A', 0, 5), customer('b1', 'B', 1, 5), customer('a2', 'A', 2, 5)];
    expect(calls(c, [shift('c1', ['A', 'B'], 0, 60)])).toEqual([0, 5, 10]);
    // a counter serving only A skips b1
    expect(calls(c, [shift('c1', ['A'], 0, 60)])).toEqual([0, null, 5]);
  });

  it('customers leave when their patience runs out', () => {
    const c = [
      customer('a1', 'A', 0, 5),
      customer('b1', 'B', 1, 5, { patienceMs: 3 * MIN }),
      customer('a2', 'A', 2, 5),
    ];
    const r = simulate(c, [shift('c1', ['A', 'B'], 0, 60)]);
    expect([...r.abandoned]).toEqual([0, 1, 0]);
    expect(r.events.find((e) => e.type === 'ticket.cancelled')).toEqual({
      at: at(4),
      type: 'ticket.cancelled',
      ticket: 'b1',
    });
    expect((r.firstCall[2]! - T) / MIN).toBe(5);
  });

  it('a transferred ticket keeps its place in the new line', () => {
    const a1 = customer('a1', 'A', 0, 0, {
      visits: [
        { durationMs: 5 * MIN, outcome: 'transferred', toService: 'B' },
        { durationMs: 2 * MIN, outcome: 'completed' },
      ],
    });
    const r = simulate([a1, customer('b1', 'B', 1, 5)], [shift('c1', ['A', 'B'], 0, 60)]);
    expect(
      r.events.map((e) => [
        e.type,
        'ticket' in e ? e.ticket : 'counter' in e ? e.counter : '',
        (e.at - T) / MIN,
      ]),
    ).toEqual([
      ['counter.opened', 'c1', 0],
      ['ticket.issued', 'a1', 0],
      ['ticket.called', 'a1', 0],
      ['ticket.issued', 'b1', 1],
      ['ticket.transferred', 'a1', 5],
      ['ticket.called', 'a1', 5],
      ['ticket.completed', 'a1', 7],
      ['ticket.called', 'b1', 7],
      ['ticket.completed', 'b1', 12],
      ['counter.closed', 'c1', 60],
    ]);
  });

  it('a shift end stops new calls; a draining one finishes the line first', () => {
    const c = [customer('a1', 'A', 0, 5), customer('a2', 'A', 1, 5)];
    const closing = simulate(c, [shift('c1', ['A'], 0, 3)]);
    expect(closing.events.find((e) => e.type === 'counter.closed')?.at).toBe(at(3));
    expect(closing.events.find((e) => e.type === 'ticket.completed')?.at).toBe(at(5));
    expect(Number.isNaN(closing.firstCall[1]!)).toBe(true);
    const draining = simulate(c, [shift('c1', ['A'], 0, 3, true)]);
    expect((draining.firstCall[1]! - T) / MIN).toBe(5);
    expect(draining.events.find((e) => e.type === 'counter.closed')?.at).toBe(at(10));
  });

  it('writes recalls, starts and no-shows at the right times', () => {
    const c = [
      customer('a1', 'A', 0, 0, {
        visits: [
          { durationMs: 4 * MIN, outcome: 'completed', startAfterMs: MIN, recallsMs: [0.5 * MIN] },
        ],
      }),
      customer('a2', 'A', 0, 0, {
        visits: [{ durationMs: 2 * MIN, outcome: 'noShow', recallsMs: [MIN] }],
      }),
    ];
    const r = simulate(c, [shift('c1', ['A'], 0, 60)]);
    expect(
      r.events
        .filter((e) => e.type !== 'ticket.issued' && e.type !== 'counter.opened')
        .map((e) => [e.type, (e.at - T) / MIN]),
    ).toEqual([
      ['ticket.called', 0],
      ['ticket.recalled', 0.5],
      ['ticket.started', 1],
      ['ticket.completed', 4],
      ['ticket.called', 4],
      ['ticket.recalled', 5],
      ['ticket.noShow', 6],
      ['counter.closed', 60],
    ]);
  });
});

describe('priority', () => {
  it('priority tickets are called before the others', () => {
    const c = [
      customer('a1', 'A', 0, 5),
      customer('a2', 'A', 1, 5),
      customer('p1', 'A', 2, 5, { priority: true }),
    ];
    expect(calls(c, [shift('c1', ['A'], 0, 60)])).toEqual([0, 10, 5]);
    expect(
      simulate(c, [shift('c1', ['A'], 0, 60)]).events.find(
        (e) => e.type === 'ticket.issued' && e.ticket === 'p1',
      ),
    ).toEqual({ at: at(2), type: 'ticket.issued', ticket: 'p1', service: 'A', priority: true });
  });
});
