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

describe('events of a ticket seen before its issue', () => {
  it("takes a ticket's calls seen before its issue (events held back, then released) as they are", () => {
    const line = new LineTracker();
    line.apply({ at: at(0), type: 'counter.opened', counter: 'c1', services: ['A'] });
    // the clerk's events arrive first; the kiosk's issue only later
    expect(line.apply({ at: at(30), type: 'ticket.called', ticket: 'a', counter: 'c1' })).toEqual(
      [],
    );
    line.apply({ at: at(90), type: 'ticket.completed', ticket: 'a', counter: 'c1' });
    line.apply({ at: at(95), type: 'ticket.called', ticket: 'b', counter: 'c1' });
    const a = line.apply({ at: at(0), type: 'ticket.issued', ticket: 'a', service: 'A' });
    expect(a.map((f) => f.kind)).toEqual(['waitEnded', 'visitEnded']);
    expect(a[0]).toMatchObject({ waitedMs: 30_000, first: true });
    line.apply({ at: at(10), type: 'ticket.issued', ticket: 'b', service: 'A' });
    line.apply({ at: at(20), type: 'ticket.issued', ticket: 'c', service: 'A' });
    // neither waits any more: only c is in line, and b is at the counter
    expect(line.snapshot().waiting.map((w) => w.ticket)).toEqual(['c']);
    expect(line.counters()[0]!.busy).toMatchObject({ ticket: 'b', calledAt: at(95) });
  });

  it('lets go of early events of tickets never issued, a day on', () => {
    const line = new LineTracker();
    const DAY_S = 86_400;
    for (let i = 0; i < 1500; i++)
      line.apply({ at: at(i), type: 'ticket.called', ticket: `old-${i}`, counter: 'c1' });
    for (let i = 0; i < 600; i++)
      line.apply({
        at: at(DAY_S + 2000 + i),
        type: 'ticket.called',
        ticket: `new-${i}`,
        counter: 'c1',
      });
    // the old ones are gone: a late issue of one of them is a plain waiting ticket
    line.apply({ at: at(DAY_S + 3000), type: 'ticket.issued', ticket: 'old-1', service: 'A' });
    expect(line.waitingTicket('old-1')).toBeDefined();
    // the recent ones are still replayed
    line.apply({ at: at(DAY_S + 3001), type: 'ticket.issued', ticket: 'new-0', service: 'A' });
    expect(line.waitingTicket('new-0')).toBeUndefined();
  });
});
