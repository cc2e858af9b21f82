import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../clock/hlc.ts';
import { startOfDay } from '../queue/day.ts';
import { buildDayRollup } from './facts.ts';
import {
  at,
  call,
  cancel,
  complete,
  issue,
  logBuilder,
  NEXT_DAY,
  noShow,
  rollup,
} from './testing.ts';

describe('day rollup', () => {
  it('an empty day has no records, no open counters and needs no next day', () => {
    const r = rollup([]);
    expect(r.tickets).toEqual([]);
    expect(r.visits).toEqual([]);
    expect(r.openCounters).toEqual(new Array(24).fill(0));
    expect(r.needsNextDay).toBe(false);
  });

  it('records wait, service time, outcome, hour, counter and clerk per ticket', () => {
    const ev = logBuilder();
    const r = rollup([
      ev('k', at('09:00'), issue('t1')),
      ev('tab', at('09:02'), call('t1')),
      ev('tab', at('09:07'), complete('t1')),
      ev('k', at('10:00'), issue('t2')),
      ev('k', at('10:12:30'), cancel('t2')),
    ]);
    expect(r.tickets).toEqual([
      {
        hour: 9,
        service: 'A',
        counter: 'c1',
        clerk: 'tab',
        waitSec: 120,
        serviceSec: 300,
        outcome: 'served',
        leftAfterSec: null,
        channel: 'kiosk',
        checkInSec: null,
      },
      {
        hour: 10,
        service: 'A',
        counter: '',
        clerk: '',
        waitSec: null,
        serviceSec: null,
        outcome: 'left',
        leftAfterSec: 750,
        channel: 'kiosk',
        checkInSec: null,
      },
    ]);
  });

  it('a ticket called after midnight belongs to its issue day, finished from the next day file', () => {
    const ev = logBuilder();
    const day = [ev('k', at('23:50'), issue('late'))];
    const next = [
      ev('tab', at('00:10', NEXT_DAY), call('late')),
      ev('tab', at('00:15', NEXT_DAY), complete('late')),
      ev('k', at('00:20', NEXT_DAY), issue('other')),
    ];
    const r = rollup(day, next);
    expect(r.needsNextDay).toBe(true);
    expect(r.tickets).toEqual([
      {
        hour: 23,
        service: 'A',
        counter: 'c1',
        clerk: 'tab',
        waitSec: 1200,
        serviceSec: 300,
        outcome: 'served',
        leftAfterSec: null,
        channel: 'kiosk',
        checkInSec: null,
      },
    ]);
    // the next day does not count it again (nor the call of a ticket it never saw issued)
    const r2 = rollup(next, [], NEXT_DAY);
    expect(r2.tickets.map((t) => t.outcome)).toEqual(['open']);
    expect(r2.tickets).toHaveLength(1);
  });

  it('a ticket still waiting when the log ends is open, with how long it had waited', () => {
    const ev = logBuilder();
    const r = rollup([ev('k', at('17:00'), issue('t')), ev('k', at('17:30'), issue('u'))]);
    expect(r.tickets.map((t) => [t.outcome, t.leftAfterSec])).toEqual([
      ['open', 1800],
      ['open', 0],
    ]);
  });

  it('clock skew: events apply in the clock order whatever the array order, and no duration is negative', () => {
    const ev = logBuilder();
    const issued = ev('k', at('09:00'), issue('t'));
    // a tablet whose wall clock is behind: its hybrid clock takes the issue's time, counter + 1
    const skewedCall = {
      ...ev('tab', 0, call('t')),
      hlc: encodeHlc({ wall: at('09:00'), counter: 1 }),
    };
    const done = ev('tab', at('09:04'), complete('t'));
    const r = rollup([done, skewedCall, issued]);
    expect(r.tickets[0]).toMatchObject({ waitSec: 0, serviceSec: 240, outcome: 'served' });

    const visit = logBuilder();
    const v = rollup([
      visit('tab', at('10:00'), {
        type: 'visit.step',
        visit: 'v',
        clerk: 'tab',
        step: 'greeting',
        n: 1,
        at: at('10:00'),
      }),
      // the step's own time comes from a tablet clock that jumped back: 0, not negative
      visit('tab', at('10:01'), {
        type: 'visit.step',
        visit: 'v',
        clerk: 'tab',
        step: 'assisting',
        n: 2,
        at: at('09:58'),
      }),
      visit('tab', at('10:05'), {
        type: 'visit.step',
        visit: 'v',
        clerk: 'tab',
        step: 'done',
        n: 3,
        at: at('10:05'),
      }),
    ]);
    expect(v.visits[0]!.steps).toEqual({ greeting: 0, assisting: 420 });
  });

  it('all no-shows: every ticket called, none served', () => {
    const ev = logBuilder();
    const r = rollup(
      ['a', 'b', 'c'].flatMap((t, i) => [
        ev('k', at(`09:0${i}`), issue(t)),
        ev('tab', at(`09:1${i}`), call(t)),
        ev('tab', at(`09:2${i}`), noShow(t)),
      ]),
    );
    expect(r.tickets.map((t) => [t.outcome, t.waitSec, t.serviceSec])).toEqual([
      ['noShow', 600, null],
      ['noShow', 600, null],
      ['noShow', 600, null],
    ]);
  });

  it('a call that lost the race is not a call; the winner counter and clerk count', () => {
    const ev = logBuilder();
    const r = rollup([
      ev('k', at('09:00'), issue('t')),
      ev('tab1', at('09:05'), call('t', 'c1')),
      ev('tab2', at('09:05'), call('t', 'c2')),
    ]);
    expect(r.tickets[0]).toMatchObject({
      counter: 'c1',
      clerk: 'tab1',
      waitSec: 300,
      outcome: 'open',
    });
  });

  it('attributes calls and visits to the staff signed in on the device at the time, else the device', () => {
    const ev = logBuilder();
    const r = rollup([
      ev('k', at('09:00'), issue('t1')),
      ev('k', at('09:00'), issue('t2')),
      ev('tab', at('08:55'), { type: 'staff.signedIn', staff: 'alice' }),
      ev('tab', at('09:01'), call('t1')),
      ev('tab', at('09:02'), {
        type: 'visit.step',
        visit: 'v1',
        clerk: 'tab',
        step: 'greeting',
        n: 1,
        at: at('09:02'),
      }),
      ev('tab', at('09:03'), complete('t1')),
      ev('tab', at('09:04'), { type: 'staff.signedOut', staff: 'alice' }),
      ev('tab', at('09:05'), call('t2')),
    ]);
    expect(r.tickets.map((t) => t.clerk)).toEqual(['alice', 'tab']);
    expect(r.visits.map((v) => v.clerk)).toEqual(['alice']);
  });

  it('keeps the service the customer chose when a ticket is transferred', () => {
    const ev = logBuilder();
    const r = rollup([
      ev('k', at('09:00'), issue('t', 'A')),
      ev('tab', at('09:01'), call('t')),
      ev('tab', at('09:02'), {
        type: 'ticket.transferred',
        ticket: 't',
        counter: 'c1',
        toService: 'B',
      }),
      ev('tab2', at('09:10'), call('t', 'c2')),
      ev('tab2', at('09:13'), complete('t', 'c2')),
    ]);
    // wait to the first call, service time from the last call
    expect(r.tickets[0]).toMatchObject({
      service: 'A',
      counter: 'c1',
      waitSec: 60,
      serviceSec: 180,
    });
  });

  it('open counters per hour: counter-minutes over 60', () => {
    const ev = logBuilder();
    const r = rollup([
      ev('tab', at('09:30'), { type: 'counter.opened', counter: 'c1', services: ['A'] }),
      ev('tab', at('11:00'), { type: 'counter.closed', counter: 'c1' }),
      ev('tab2', at('10:00'), { type: 'counter.opened', counter: 'c2', services: ['A'] }),
      ev('tab2', at('10:15'), { type: 'counter.closed', counter: 'c2' }),
      // open until the end of the day
      ev('tab3', at('23:00'), { type: 'counter.opened', counter: 'c3', services: ['A'] }),
    ]);
    expect(r.openCounters[9]).toBe(0.5);
    expect(r.openCounters[10]).toBe(1.25);
    expect(r.openCounters[11]).toBe(0);
    expect(r.openCounters[23]).toBe(1);
  });

  it('open counters on daylight-saving days: no figure for the skipped hour, the repeated one halved', () => {
    const ev = logBuilder();
    const warsaw = (day: string, from: string, to: string) => {
      const dayStart = startOfDay(Date.parse(`${day}T12:00:00Z`), 'Europe/Warsaw');
      return buildDayRollup(
        [
          ev('tab', Date.parse(from), { type: 'counter.opened', counter: 'c1', services: ['A'] }),
          ev('tab', Date.parse(to), { type: 'counter.closed', counter: 'c1' }),
        ],
        [],
        {
          day,
          timeZone: 'Europe/Warsaw',
          dayStart,
          dayEnd: startOfDay(dayStart + 30 * 3_600_000, 'Europe/Warsaw'),
        },
      );
    };
    // 29 March 2026: 02:00 becomes 03:00; open 01:30 to 03:30 local
    const spring = warsaw('2026-03-29', '2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z');
    expect(spring.openCounters.slice(0, 5)).toEqual([0, 0.5, null, 0.5, 0]);
    // 25 October 2026: 03:00 goes back to 02:00; open for the first 02:00-03:00 only
    const autumn = warsaw('2026-10-25', '2026-10-25T00:00:00Z', '2026-10-25T01:00:00Z');
    expect(autumn.openCounters.slice(0, 4)).toEqual([0, 0, 0.5, 0]);
  });

  it('visit steps: seconds per step and the feedback', () => {
    const ev = logBuilder();
    const step = (n: number, s: string, clock: string) =>
      ev('tab', at(clock), {
        type: 'visit.step',
        visit: 'v',
        clerk: 'tab',
        counter: 'c1',
        step: s as 'greeting',
        n,
        at: at(clock),
      });
    const r = rollup([
      step(1, 'greeting', '10:00'),
      step(2, 'assisting', '10:01'),
      step(3, 'browsing.looking', '10:03'),
      step(4, 'assisting', '10:04'),
      step(5, 'thanking', '10:06'),
      ev('tab', at('10:06:20'), {
        type: 'visit.feedback',
        visit: 'v',
        clerk: 'tab',
        satisfaction: 'good',
        nps: 9,
      }),
      step(6, 'done', '10:06:30'),
    ]);
    expect(r.visits).toEqual([
      {
        hour: 10,
        clerk: 'tab',
        counter: 'c1',
        steps: { greeting: 60, assisting: 240, 'browsing.looking': 60, thanking: 30 },
        satisfaction: 'good',
        nps: 9,
      },
    ]);
    expect(r.needsNextDay).toBe(false);
  });
});
