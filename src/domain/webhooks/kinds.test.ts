import { describe, expect, it } from 'vitest';
import { fold } from '../queue/fold.ts';
import { ev } from '../testing/store.ts';
import { ticketOf, webhookPayload } from './kinds.ts';
import { parseSignatureHeader, signatureHeader, signedString } from './signature.ts';

const T0 = Date.UTC(2026, 11, 6, 9, 0, 0);

describe('webhook payloads', () => {
  const log = [
    ev('kiosk-1', 1, T0, {
      type: 'ticket.issued',
      ticket: 't1',
      service: 'general',
      number: 'A001',
      n: 1,
      promised: { sec: 300, low: 120, high: 600 },
    }),
    ev('clerk-1', 1, T0 + 60_000, { type: 'ticket.called', ticket: 't1', counter: 'c1' }),
    ev('clerk-1', 2, T0 + 90_000, { type: 'counter.closed', counter: 'c1' }),
    ev('clerk-1', 3, T0 + 120_000, {
      type: 'alert.raised',
      alert: 'a1',
      kind: 'manager',
      counter: 'c1',
      reason: 'help',
    }),
    ev('clerk-1', 4, T0 + 180_000, {
      type: 'visit.feedback',
      visit: 'v1',
      clerk: 'clerk-1',
      satisfaction: 'good',
    }),
  ];
  const state = fold(log);

  it('gives the ticket its number, service, counter and times', () => {
    const called = webhookPayload(log[1]!, state);
    expect(called).toEqual({
      id: 'clerk-1:1',
      kind: 'ticket.called',
      store: 'test-store',
      at: '2026-12-06T09:01:00.000Z',
      data: {
        ticket: 't1',
        number: 'A001',
        service: 'general',
        counter: 'c1',
        issuedAt: '2026-12-06T09:00:00.000Z',
        calledAt: '2026-12-06T09:01:00.000Z',
      },
    });
    expect(ticketOf(called!)).toBe('t1');
    expect(webhookPayload(log[0]!, state)?.data).toMatchObject({
      number: 'A001',
      promisedWaitSec: 300,
    });
  });

  it('covers alerts and feedback, and nothing else', () => {
    expect(webhookPayload(log[2]!, state)).toBeUndefined();
    expect(webhookPayload(log[3]!, state)?.data).toEqual({
      alert: 'a1',
      alertKind: 'manager',
      counter: 'c1',
      reason: 'help',
    });
    expect(webhookPayload(log[4]!, state)?.data).toEqual({
      visit: 'v1',
      clerk: 'clerk-1',
      satisfaction: 'good',
    });
  });
});

describe('webhook signature header', () => {
  it('signs the time with the body and reads back its parts', () => {
    expect(signedString(1700000000, '{"a":1}')).toBe('1700000000.{"a":1}');
    const mac = 'ab'.repeat(32);
    expect(parseSignatureHeader(signatureHeader(1700000000, mac))).toEqual({
      t: 1700000000,
      v1: [mac],
    });
    expect(parseSignatureHeader('t=abc,v1=00')).toBeUndefined();
  });
});
