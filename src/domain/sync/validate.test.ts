import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ev } from '../testing/store.ts';
import { parseSyncMessage } from './messages.ts';
import { validateEvent } from './validate.ts';

const good = ev('kiosk-1', 3, 1_700_000_000_000, {
  type: 'ticket.issued',
  ticket: 'tk',
  service: 'advice',
  number: 'A003',
  n: 3,
});

describe('event validation', () => {
  it('accepts a well-formed event and strips unknown fields', () => {
    const r = validateEvent({ ...good, extra: '<script>' });
    expect(r).toEqual({ ok: true, value: good });
  });

  it.each([
    [{ ...good, id: 'kiosk-1:4' }, 'field "id" must be "<device>:<seq>"'],
    [{ ...good, seq: 0 }, 'field "seq" must be a whole number from 1'],
    [{ ...good, hlc: 'now' }, 'field "hlc" is not a clock value'],
    [{ ...good, type: 'ticket.exploded' }, 'unknown event type "ticket.exploded"'],
    [{ ...good, number: 'A04' }, 'ticket.issued: field "number" must look like A023'],
    [{ ...good, n: 4 }, 'ticket.issued: fields "number" and "n" disagree'],
    [{ ...good, device: 'a b' }, 'field "device" is missing or not an id'],
  ])('refuses %j with a reason', (input, reason) => {
    expect(validateEvent(input)).toEqual({ ok: false, reason });
  });

  it('never throws on arbitrary input (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        expect(() => validateEvent(x)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses oversized and malformed messages before they reach the fold', () => {
    expect(parseSyncMessage('x'.repeat(10), 300_000)).toEqual({
      ok: false,
      reason: 'payload of 300000 bytes is over the cap',
    });
    expect(parseSyncMessage('[]', 2)).toEqual({ ok: false, reason: 'unsupported message version' });
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(() => parseSyncMessage(s, s.length)).not.toThrow();
      }),
    );
  });
});
