import { describe, expect, it } from 'vitest';
import type { PortableEvent } from '../portable/types.ts';
import { LineTracker } from './line.ts';

const T = Date.UTC(2025, 0, 6, 9);
const at = (sec: number): number => T + sec * 1000;

describe('LineTracker', () => {
  it('follows waits and visits, and says what they taught', () => {
    const line = new LineTracker();
    const facts = (e: PortableEvent) => line.apply(e);
    facts({ at: at(0), type: 'counter.opened', counter: 'c1', services: ['A', 'B'] });
    facts({ at: at(0), type: 'ticket.issued', ticket: 'a', service: 'A' });
    facts({ at: at(10), type: 'ticket.issued', ticket: 'b', service: 'B' });
    expect(facts({ at: at(30), type: 'ticket.called', ticket: 'a', counter: 'c1' })).toEqual([
      {
        kind: 'waitEnded',
        ticket: 'a',
        service: 'A',
        waitedMs: 30_000,
        abandoned: false,
        first: true,
        at: at(30),
      },
    ]);
    expect(line.counters()[0]!.busy).toMatchObject({
      ticket: 'a',
      calledAt: at(30),
      started: false,
    });
    facts({ at: at(40), type: 'ticket.started', ticket: 'a', counter: 'c1' });
    // a transfer: the ticket goes back to the line with its place (before b)
    expect(
      facts({ at: at(90), type: 'ticket.transferred', ticket: 'a', counter: 'c1', toService: 'B' }),
    ).toEqual([
      {
        kind: 'visitEnded',
        service: 'A',
        outcome: 'transferred',
        calledAt: at(30),
        durationMs: 60_000,
        started: true,
        toService: 'B',
      },
    ]);
    expect(line.snapshot().waiting.map((w) => w.ticket)).toEqual(['a', 'b']);
    expect(line.aheadOf('B', line.waitingTicket('b')!.key)).toBe(1);
    expect(
      facts({ at: at(100), type: 'ticket.called', ticket: 'a', counter: 'c1' })[0],
    ).toMatchObject({ first: false, waitedMs: 10_000 });
    expect(facts({ at: at(120), type: 'ticket.cancelled', ticket: 'b' })).toEqual([
      {
        kind: 'waitEnded',
        ticket: 'b',
        service: 'B',
        waitedMs: 110_000,
        abandoned: true,
        first: true,
        at: at(120),
      },
    ]);
    facts({ at: at(130), type: 'counter.closed', counter: 'c1' });
    expect(line.counters()[0]).toMatchObject({ open: false, busy: { ticket: 'a' } });
  });

  it('a counter never opened in the log is taken as open for what it calls', () => {
    const line = new LineTracker();
    line.apply({ at: at(0), type: 'ticket.issued', ticket: 'a', service: 'A' });
    line.apply({ at: at(1), type: 'ticket.called', ticket: 'a', counter: 'c9' });
    expect(line.counters()).toEqual([
      {
        id: 'c9',
        open: true,
        services: ['A'],
        busy: { ticket: 'a', service: 'A', key: 0, calledAt: at(1), started: false },
      },
    ]);
  });

  it('ignores what does not fit: events for unknown or finished tickets, second calls', () => {
    const line = new LineTracker();
    expect(
      line.apply({ at: at(0), type: 'ticket.called', ticket: 'ghost', counter: 'c1' }),
    ).toEqual([]);
    line.apply({ at: at(0), type: 'ticket.issued', ticket: 'a', service: 'A' });
    line.apply({ at: at(1), type: 'ticket.called', ticket: 'a', counter: 'c1' });
    expect(line.apply({ at: at(2), type: 'ticket.called', ticket: 'a', counter: 'c2' })).toEqual(
      [],
    );
    line.apply({ at: at(3), type: 'ticket.completed', ticket: 'a', counter: 'c1' });
    expect(line.apply({ at: at(4), type: 'ticket.noShow', ticket: 'a', counter: 'c1' })).toEqual(
      [],
    );
  });
});

describe('priority tickets', () => {
  it('go before the others, among themselves by issue', () => {
    const line = new LineTracker();
    line.apply({ at: at(0), type: 'ticket.issued', ticket: 'a', service: 'A' });
    line.apply({ at: at(1), type: 'ticket.issued', ticket: 'p1', service: 'A', priority: true });
    line.apply({ at: at(2), type: 'ticket.issued', ticket: 'b', service: 'A' });
    line.apply({ at: at(3), type: 'ticket.issued', ticket: 'p2', service: 'A', priority: true });
    expect(line.snapshot().waiting.map((w) => w.ticket)).toEqual(['p1', 'p2', 'a', 'b']);
    expect(line.aheadOf('A', line.waitingTicket('a')!.key)).toBe(2);
    expect(line.aheadOf('A', line.waitingTicket('p2')!.key)).toBe(1);
  });
});
