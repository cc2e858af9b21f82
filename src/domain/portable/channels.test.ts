import { describe, expect, it } from 'vitest';
import { ev } from '../testing/store.ts';
import { portableFromStoreEvent } from './from-store.ts';
import { parseLine, parseLog } from './parse.ts';
import { replayEvents, type OnlineEstimator } from './replay.ts';
import { parseSchedule } from './schedule.ts';
import { serializeEvent, serializeLog } from './serialize.ts';
import { importedCode, PortableToStore } from './to-store.ts';
import type { PortableEvent } from './types.ts';
import { whatIf } from './whatif.ts';

/**
 * The channels in the portable log (issue 19): a ticket's `channel`, `checkIn`, `appointment`
 * and `slot`, and the day's bookings (`appointment.booked`, `appointment.cancelled`). They
 * survive the round trips, and replay and what-if read logs with and without them alike.
 */
const T = Date.UTC(2025, 0, 6, 9);
const at = (min: number): number => T + min * 60_000;

/** The plain day of whatif.test.ts: three customers, one counter, ten minutes each. */
const plain: PortableEvent[] = [
  { at: at(0), type: 'counter.opened', counter: 'c1', services: ['A'] },
  { at: at(0), type: 'ticket.issued', ticket: 't1', service: 'A' },
  { at: at(0), type: 'ticket.called', ticket: 't1', counter: 'c1' },
  { at: at(1), type: 'ticket.issued', ticket: 't2', service: 'A' },
  { at: at(2), type: 'ticket.issued', ticket: 't3', service: 'A' },
  { at: at(10), type: 'ticket.completed', ticket: 't1', counter: 'c1' },
  { at: at(10), type: 'ticket.called', ticket: 't2', counter: 'c1' },
  { at: at(20), type: 'ticket.completed', ticket: 't2', counter: 'c1' },
  { at: at(20), type: 'ticket.called', ticket: 't3', counter: 'c1' },
  { at: at(30), type: 'ticket.completed', ticket: 't3', counter: 'c1' },
  { at: at(60), type: 'counter.closed', counter: 'c1' },
];

/** The same day with the extensions: t2 came from a phone, t3 for a booking; one missed. */
const withChannels: PortableEvent[] = plain
  .flatMap((e): PortableEvent[] => {
    if (e.type !== 'ticket.issued') {
      if (e.type === 'counter.opened')
        return [
          { at: at(-60), type: 'appointment.booked', appointment: 'a1', service: 'A', slot: at(5) },
          {
            at: at(-59),
            type: 'appointment.booked',
            appointment: 'a2',
            service: 'A',
            slot: at(40),
          },
          e,
        ];
      if (e.type === 'counter.closed')
        return [
          { at: at(50), type: 'appointment.cancelled', appointment: 'a2', reason: 'missed' },
          e,
        ];
      if (e.type === 'ticket.called' && e.ticket === 't2') {
        const checkedIn: PortableEvent = { at: at(3), type: 'ticket.checkedIn', ticket: 't2' };
        return [checkedIn, e];
      }
      return [e];
    }
    if (e.ticket === 't2') return [{ ...e, channel: 'phone', checkIn: true }];
    if (e.ticket === 't3')
      return [{ ...e, channel: 'appointment', appointment: 'a1', slot: at(5) }];
    return [e];
  })
  .sort((a, b) => a.at - b.at); // stable: events at one time keep their order

class Seen implements OnlineEstimator {
  readonly types: string[] = [];
  observe(e: PortableEvent): void {
    this.types.push(e.type);
  }
  predict(): { meanSec: number; lowSec: number; highSec: number } {
    return { meanSec: 60, lowSec: 0, highSec: 120 };
  }
}

describe('the channels in the portable log', () => {
  it('a ticket and a booking keep every extension through the text form', () => {
    const log = withChannels;
    const { events, warnings } = parseLog(serializeLog(log));
    expect(warnings).toEqual([]);
    expect(events).toEqual(log);
    expect(JSON.parse(serializeEvent(log[0]!))).toEqual({
      at: '2025-01-06T08:00:00.000Z',
      type: 'appointment.booked',
      service: 'A',
      appointment: 'a1',
      slot: '2025-01-06T09:05:00.000Z',
    });
  });

  it('values a reader does not know are dropped, wrong ones refused', () => {
    const line = (o: object): string => JSON.stringify({ at: '2025-01-06T09:00:00Z', ...o });
    const issued = { type: 'ticket.issued', ticket: 't1', service: 'A' };
    expect(parseLine(line({ ...issued, channel: 'pigeon' }), 1)).toEqual({
      kind: 'event',
      event: { at: T, ...issued },
    });
    expect(() => parseLine(line({ ...issued, checkIn: 'yes' }), 3)).toThrow(/line 3: "checkIn"/);
    expect(() => parseLine(line({ ...issued, slot: 5 }), 4)).toThrow(/line 4: "slot"/);
    const cancelled = { type: 'appointment.cancelled', appointment: 'a1' };
    expect(parseLine(line({ ...cancelled, reason: 'aliens' }), 5)).toEqual({
      kind: 'event',
      event: { at: T, ...cancelled },
    });
    expect(() =>
      parseLine(line({ type: 'appointment.booked', appointment: 'a', service: 'A' }), 6),
    ).toThrow(/line 6: "slot"/);
  });

  it('replay reads the same waits with and without them', () => {
    const seen = new Seen();
    const a = replayEvents(plain, new Seen());
    const b = replayEvents(withChannels, seen);
    expect(b.map((r) => [r.ticket, r.actualSec])).toEqual(a.map((r) => [r.ticket, r.actualSec]));
    expect(seen.types).toContain('appointment.booked');
  });

  it('what-if re-simulates the same day with and without them', () => {
    const changes = parseSchedule('+1 A 09:00-10:00');
    const a = whatIf(plain, changes);
    const b = whatIf(withChannels, changes);
    expect(b.rows).toEqual(a.rows);
  });

  it('the store events map to them and back', () => {
    const slot = at(5);
    const booked = ev('agent', 1, at(-60), {
      type: 'appointment.booked',
      appointment: 'a1',
      service: 'advice',
      at: slot,
      code: '123456',
      name: 'Ola',
    });
    const p = portableFromStoreEvent(booked);
    // the portable `at` is the booking's time, `slot` its time; no code, no name
    expect(p).toEqual({
      at: at(-60),
      type: 'appointment.booked',
      appointment: 'a1',
      service: 'advice',
      slot,
    });
    const issued = ev('kiosk', 2, at(4), {
      type: 'ticket.issued',
      ticket: 't1',
      service: 'advice',
      number: 'A001',
      n: 1,
      channel: 'appointment',
      appointment: 'a1',
      slot,
    });
    const toStore = new PortableToStore('test-store', 'import-1');
    const back = toStore.convert(portableFromStoreEvent(issued)!, 1);
    expect(back).toMatchObject({ channel: 'appointment', appointment: 'a1', slot });
    expect(toStore.convert(p!, 2)).toMatchObject({
      type: 'appointment.booked',
      at: slot,
      code: importedCode('a1'),
    });
    expect(importedCode('a1')).toMatch(/^[0-9]{6}$/);
  });
});
