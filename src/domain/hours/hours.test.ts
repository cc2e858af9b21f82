import { describe, expect, it } from 'vitest';
import type { OpeningHours } from '../config/types.ts';
import { issuing, lastTicketAt } from './last-ticket.ts';
import { isOpenAt, nextOpeningAfter, openingOn } from './schedule.ts';
import { dayNumberOf, instantAt, localAt, minutesOf, weekdayOf } from './wall-time.ts';
import { openingDay } from './when.ts';

const WARSAW = 'Europe/Warsaw';
const nine = { open: '09:00', close: '20:00' };
const hours: OpeningHours = {
  weekly: {
    mon: nine,
    tue: nine,
    wed: nine,
    thu: nine,
    fri: nine,
    sat: { open: '10:00', close: '14:00' },
  },
  exceptions: [
    { date: '2026-12-24', open: '09:00', close: '13:00' },
    { date: '2026-12-25', closed: true },
  ],
};
const at = (iso: string): number => Date.parse(iso);
const day = (date: string): number => dayNumberOf(date) ?? Number.NaN;

describe('wall time', () => {
  it('reads times and dates and refuses what is not one', () => {
    expect(minutesOf('09:30')).toBe(570);
    expect(minutesOf('24:00')).toBe(1440);
    expect(minutesOf('24:01')).toBeUndefined();
    expect(minutesOf('9:30')).toBeUndefined();
    expect(dayNumberOf('2026-02-30')).toBeUndefined();
    expect(weekdayOf(day('2026-12-07'))).toBe('mon');
    expect(weekdayOf(day('2026-12-06'))).toBe('sun');
  });

  it('makes a day of the spring change 23 hours long and of the autumn change 25', () => {
    const allDay = (date: string, tz: string): number => {
      const o = openingOn({ weekly: { sun: { open: '00:00', close: '24:00' } } }, day(date), tz);
      return ((o?.closeAt ?? 0) - (o?.openAt ?? 0)) / 3_600_000;
    };
    expect(allDay('2026-03-29', WARSAW)).toBe(23);
    expect(allDay('2026-10-25', WARSAW)).toBe(25);
    expect(allDay('2026-03-08', 'America/New_York')).toBe(23);
    expect(allDay('2026-11-01', 'America/New_York')).toBe(25);
    expect(allDay('2026-11-08', 'America/New_York')).toBe(24);
  });

  it('puts a time skipped by the spring change just after the gap', () => {
    // Warsaw, 2026-03-29: 02:00 CET jumps to 03:00 CEST
    expect(instantAt(day('2026-03-29'), 150, WARSAW)).toBe(at('2026-03-29T01:30:00Z'));
    expect(localAt(at('2026-03-29T01:30:00Z'), WARSAW).minute).toBe(210);
  });
});

describe('opening hours', () => {
  it('are open within the span, closed outside it and on a weekday left out', () => {
    expect(isOpenAt(hours, WARSAW, at('2026-12-07T08:00:00Z'))).toBe(true); // Mon 9:00 CET
    expect(isOpenAt(hours, WARSAW, at('2026-12-07T07:59:59Z'))).toBe(false);
    expect(isOpenAt(hours, WARSAW, at('2026-12-07T19:00:00Z'))).toBe(false); // 20:00
    expect(isOpenAt(hours, WARSAW, at('2026-12-06T12:00:00Z'))).toBe(false); // Sunday
    expect(isOpenAt(undefined, WARSAW, at('2026-12-06T03:00:00Z'))).toBe(true);
  });

  it('follow the exceptions: a short Christmas Eve, Christmas closed', () => {
    expect(openingOn(hours, day('2026-12-24'), WARSAW)?.closeAt).toBe(at('2026-12-24T12:00:00Z'));
    expect(openingOn(hours, day('2026-12-25'), WARSAW)).toBeUndefined();
    // after Christmas Eve closes, next is Saturday the 26th at 10:00 (Christmas is closed)
    expect(nextOpeningAfter(hours, WARSAW, at('2026-12-24T12:00:00Z'))).toBe(
      at('2026-12-26T09:00:00Z'),
    );
  });
});

describe('the last ticket', () => {
  const base = { hours, timeZone: WARSAW, typicalSec: 600, issuedToday: 0 };
  const monday1930 = at('2026-12-07T18:30:00Z');

  it('is closing minus the typical time, compared with the wait of a new ticket', () => {
    expect(lastTicketAt(at('2026-12-07T19:00:00Z'), 600)).toBe(at('2026-12-07T18:50:00Z'));
    expect(issuing({ ...base, now: monday1930, waitSec: 20 * 60 - 1 })).toEqual({ kind: 'open' });
    expect(issuing({ ...base, now: monday1930, waitSec: 20 * 60 + 1 })).toEqual({
      kind: 'lineFull',
      opensAt: at('2026-12-08T08:00:00Z'),
    });
    // no counter open yet: no wait to compare, the hours alone decide
    expect(issuing({ ...base, now: monday1930, waitSec: undefined })).toEqual({ kind: 'open' });
  });

  it('says closed outside the hours with the next opening', () => {
    expect(issuing({ ...base, now: at('2026-12-06T12:00:00Z'), waitSec: 0 })).toEqual({
      kind: 'closed',
      opensAt: at('2026-12-07T08:00:00Z'),
    });
  });

  it('stops at the daily cap, with or without hours', () => {
    const capped = { ...base, now: monday1930, waitSec: 0, dailyCap: 3 };
    expect(issuing({ ...capped, issuedToday: 2 })).toEqual({ kind: 'open' });
    expect(issuing({ ...capped, issuedToday: 3 })).toEqual({
      kind: 'capReached',
      opensAt: at('2026-12-08T08:00:00Z'),
    });
    expect(issuing({ ...capped, hours: undefined, issuedToday: 3 })).toEqual({
      kind: 'capReached',
      opensAt: undefined,
    });
  });

  it('names the day of the next opening', () => {
    const now = at('2026-12-07T18:30:00Z');
    expect(openingDay(at('2026-12-08T08:00:00Z'), now, WARSAW)).toBe('tomorrow');
    expect(openingDay(at('2026-12-07T20:00:00Z'), now, WARSAW)).toBe('today');
    expect(openingDay(at('2026-12-10T08:00:00Z'), now, WARSAW)).toBe('later');
  });
});
