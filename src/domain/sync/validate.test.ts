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

  it('keeps the optional customer language of a ticket, and refuses one that is not a code', () => {
    expect(validateEvent({ ...good, lang: 'ar' })).toEqual({
      ok: true,
      value: { ...good, lang: 'ar' },
    });
    expect(validateEvent({ ...good, lang: 'pt-BR' })).toEqual({
      ok: true,
      value: { ...good, lang: 'pt-BR' },
    });
    for (const lang of ['', 'AR', 'ar_', 'x', '<b>', 7, 'en-' + 'a'.repeat(40)]) {
      expect(validateEvent({ ...good, lang })).toEqual({
        ok: false,
        reason: 'ticket.issued: field "lang" must be a language code such as "pl"',
      });
    }
  });

  it('keeps the wait a kiosk promised, and refuses one that is not whole seconds in order', () => {
    const promised = { sec: 300, low: 120, high: 540 };
    expect(validateEvent({ ...good, promised })).toEqual({
      ok: true,
      value: { ...good, promised },
    });
    const extra = { ...promised, note: '<b>' };
    expect(validateEvent({ ...good, promised: extra })).toEqual({
      ok: true,
      value: { ...good, promised },
    });
    for (const bad of [
      null,
      'soon',
      { sec: 300, low: 400, high: 540 },
      { sec: 600, low: 120, high: 540 },
      { sec: 1.5, low: 0, high: 2 },
      { sec: -1, low: -1, high: 0 },
      { sec: 100, low: 0, high: 86_401 },
      { sec: 100, low: 0 },
    ]) {
      expect(validateEvent({ ...good, promised: bad })).toEqual({
        ok: false,
        reason:
          'ticket.issued: field "promised" must be {"sec","low","high"}: whole seconds, low <= sec <= high',
      });
    }
  });

  it("takes the agent's verdict only with event ids and a known reason", () => {
    const verdict = ev('agent-s', 1, 1_700_000_000_000, {
      type: 'event.refused',
      events: ['kiosk-1:3'],
      reason: 'clockBehind',
    });
    expect(validateEvent(verdict)).toEqual({ ok: true, value: verdict });
    expect(validateEvent({ ...verdict, events: [] })).toMatchObject({ ok: false });
    expect(validateEvent({ ...verdict, events: ['a b'] })).toMatchObject({ ok: false });
    const many = Array.from({ length: 51 }, (_, i) => `kiosk-1:${i + 1}`);
    expect(validateEvent({ ...verdict, events: many })).toMatchObject({ ok: false });
    expect(validateEvent({ ...verdict, reason: 'because' })).toEqual({
      ok: false,
      reason: 'event.refused: field "reason" is not a reason for a refusal',
    });
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

describe('visit and alert event validation', () => {
  const T = 1_750_000_000_000;
  const step = ev('clerk-1', 1, T, {
    type: 'visit.step',
    visit: 'v-1',
    clerk: 'clerk-1',
    counter: 'counter-1',
    ticket: 'tk',
    step: 'browsing.looking',
    n: 3,
    at: T,
  });
  const feedback = ev('clerk-1', 2, T, {
    type: 'visit.feedback',
    visit: 'v-1',
    clerk: 'clerk-1',
    satisfaction: 'good',
    nps: 9,
  });
  const raised = ev('clerk-1', 3, T, {
    type: 'alert.raised',
    alert: 'al-1',
    kind: 'manager',
    counter: 'counter-1',
    visit: 'v-1',
    reason: 'Wants a refund without a receipt',
  });
  const acked = ev('manager-1', 1, T, { type: 'alert.acknowledged', alert: 'al-1' });

  it('accepts well-formed events, optional fields absent or present', () => {
    for (const e of [step, feedback, raised, acked]) {
      expect(validateEvent(e)).toEqual({ ok: true, value: e });
    }
    const walkIn = ev('clerk-1', 4, T, {
      type: 'visit.step',
      visit: 'v-2',
      clerk: 'clerk-1',
      step: 'greeting',
      n: 1,
      at: T,
    });
    expect(validateEvent(walkIn)).toEqual({ ok: true, value: walkIn });
    const bare = ev('clerk-1', 5, T, { type: 'alert.raised', alert: 'al-2', kind: 'manager' });
    expect(validateEvent(bare)).toEqual({ ok: true, value: bare });
    const noNps = ev('clerk-1', 6, T, {
      type: 'visit.feedback',
      visit: 'v-1',
      clerk: 'clerk-1',
      satisfaction: 'bad',
    });
    expect(validateEvent(noNps)).toEqual({ ok: true, value: noNps });
  });

  it('strips unknown fields from visit events', () => {
    expect(validateEvent({ ...step, html: '<img onerror=alert(1)>' })).toEqual({
      ok: true,
      value: step,
    });
  });

  it.each([
    [{ ...step, step: 'dancing' }, 'visit.step: field "step" is not a visit step'],
    [{ ...step, step: 'serving' }, 'visit.step: field "step" is not a visit step'],
    [{ ...step, n: 0 }, 'visit.step: field "n" must be a whole number from 1'],
    [{ ...step, n: 2.5 }, 'visit.step: field "n" must be a whole number from 1'],
    [{ ...step, n: '3' }, 'visit.step: field "n" must be a whole number from 1'],
    [{ ...step, at: -1 }, 'visit.step: field "at" must be a time in ms'],
    [{ ...step, at: 1e20 }, 'visit.step: field "at" must be a time in ms'],
    [{ ...step, at: Number.NaN }, 'visit.step: field "at" must be a time in ms'],
    [{ ...step, visit: '../../etc' }, 'visit.step: field "visit" is missing or not an id'],
    [{ ...step, clerk: undefined }, 'visit.step: field "clerk" is missing or not an id'],
    [{ ...step, ticket: 'x'.repeat(65) }, 'visit.step: field "ticket" is not an id'],
    [{ ...step, counter: { $ne: 1 } }, 'visit.step: field "counter" is not an id'],
    [
      { ...feedback, satisfaction: 'great' },
      'visit.feedback: field "satisfaction" must be "bad", "neutral" or "good"',
    ],
    [{ ...feedback, nps: 11 }, 'visit.feedback: field "nps" must be a whole number from 0 to 10'],
    [{ ...feedback, nps: -1 }, 'visit.feedback: field "nps" must be a whole number from 0 to 10'],
    [{ ...feedback, nps: 7.5 }, 'visit.feedback: field "nps" must be a whole number from 0 to 10'],
    [{ ...feedback, nps: null }, 'visit.feedback: field "nps" must be a whole number from 0 to 10'],
    [{ ...raised, kind: 'fire' }, 'alert.raised: field "kind" must be "manager"'],
    [
      { ...raised, reason: 'x'.repeat(281) },
      'alert.raised: field "reason" must be text of at most 280 characters',
    ],
    [
      { ...raised, reason: 'bell\u0007' },
      'alert.raised: field "reason" must be text of at most 280 characters',
    ],
    [
      { ...raised, reason: ['a'] },
      'alert.raised: field "reason" must be text of at most 280 characters',
    ],
    [{ ...raised, visit: 'v 1' }, 'alert.raised: field "visit" is not an id'],
    [{ ...acked, alert: '' }, 'alert.acknowledged: field "alert" is missing or not an id'],
  ])('refuses %j with a reason', (input, reason) => {
    expect(validateEvent(input)).toEqual({ ok: false, reason });
  });

  it('keeps a reason of exactly 280 characters, with line breaks', () => {
    const reason = `${'x'.repeat(270)}\nline two`.slice(0, 280);
    expect(validateEvent({ ...raised, reason })).toMatchObject({ ok: true, value: { reason } });
  });

  it('never throws on arbitrary visit and alert payloads (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('visit.step', 'visit.feedback', 'alert.raised', 'alert.acknowledged'),
        fc.dictionary(
          fc.constantFrom(
            'visit',
            'clerk',
            'counter',
            'ticket',
            'step',
            'n',
            'at',
            'satisfaction',
            'nps',
            'alert',
            'kind',
            'reason',
          ),
          fc.anything(),
        ),
        (type, fields) => {
          const r = validateEvent({ ...acked, ...fields, type });
          if (r.ok) expect(r.value.type).toBe(type);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
