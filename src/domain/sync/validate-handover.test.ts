import { describe, expect, it } from 'vitest';
import { ev } from '../testing/store.ts';
import { validateEvent } from './validate.ts';

const T = 1_700_000_000_000;
const handover = ev('clerk-1', 7, T, {
  type: 'ticket.transferred',
  ticket: 'tk',
  counter: 'counter-1',
  toService: 'returns',
  toCounter: 'counter-2',
  toStaff: 'anna',
  reason: 'Receipt is from another store; Anna knows the case',
});
const note = ev('clerk-1', 8, T, {
  type: 'visit.note',
  visit: 'v-1',
  clerk: 'clerk-1',
  counter: 'counter-1',
  ticket: 'tk',
  note: 'Wants the blue one, size 40',
});

/** The handover's and the note's fields: optional additions, with the same text limits as alerts. */
describe('validation of handovers and visit notes', () => {
  it('accepts them with every optional field, and a plain transfer as before', () => {
    expect(validateEvent(handover)).toEqual({ ok: true, value: handover });
    expect(validateEvent(note)).toEqual({ ok: true, value: note });
    const plain = ev('clerk-1', 9, T, {
      type: 'ticket.transferred',
      ticket: 'tk',
      counter: 'counter-1',
      toService: 'returns',
    });
    expect(validateEvent(plain)).toEqual({ ok: true, value: plain });
    const bare = ev('clerk-1', 10, T, { type: 'visit.note', visit: 'v-1', clerk: 'c', note: '' });
    expect(validateEvent(bare)).toEqual({ ok: true, value: bare });
  });

  it('keeps texts of exactly 280 characters and drops unknown fields', () => {
    const reason = 'r'.repeat(280);
    expect(validateEvent({ ...handover, reason, html: '<b>' })).toEqual({
      ok: true,
      value: { ...handover, reason },
    });
    expect(validateEvent({ ...note, note: 'n'.repeat(280) })).toMatchObject({ ok: true });
  });

  it.each([
    [
      { ...handover, reason: 'x'.repeat(281) },
      'ticket.transferred: field "reason" must be text of at most 280 characters',
    ],
    [
      { ...handover, reason: 'bell\u0007' },
      'ticket.transferred: field "reason" must be text of at most 280 characters',
    ],
    [
      { ...handover, reason: 42 },
      'ticket.transferred: field "reason" must be text of at most 280 characters',
    ],
    [{ ...handover, toCounter: 'counter 2' }, 'ticket.transferred: field "toCounter" is not an id'],
    [{ ...handover, toStaff: { $ne: 1 } }, 'ticket.transferred: field "toStaff" is not an id'],
    [
      { ...handover, toService: undefined },
      'ticket.transferred: field "toService" is missing or not an id',
    ],
    [
      { ...note, note: 'x'.repeat(281) },
      'visit.note: field "note" must be text of at most 280 characters',
    ],
    [
      { ...note, note: undefined },
      'visit.note: field "note" must be text of at most 280 characters',
    ],
    [{ ...note, note: ['a'] }, 'visit.note: field "note" must be text of at most 280 characters'],
    [
      { ...note, note: 'esc\u001b[2J' },
      'visit.note: field "note" must be text of at most 280 characters',
    ],
    [{ ...note, ticket: '../x' }, 'visit.note: field "ticket" is not an id'],
    [{ ...note, visit: undefined }, 'visit.note: field "visit" is missing or not an id'],
  ])('refuses %j with a reason', (input, reason) => {
    expect(validateEvent(input)).toEqual({ ok: false, reason });
  });
});
