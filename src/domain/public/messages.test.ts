import { describe, expect, it } from 'vitest';
import { fold } from '../queue/fold.ts';
import { ev } from '../testing/store.ts';
import {
  alertMessages,
  callMessages,
  LIVE_ALERT_MS,
  LIVE_CALL_MS,
  publicMessages,
} from './messages.ts';

describe('public call announcements', () => {
  const issued = ev('k', 1, 1000, {
    type: 'ticket.issued',
    ticket: 't1',
    service: 'advice',
    number: 'A001',
    n: 1,
  });
  const win = ev('a', 1, 2000, { type: 'ticket.called', ticket: 't1', counter: 'c1' });
  const lose = ev('b', 1, 2001, { type: 'ticket.called', ticket: 't1', counter: 'c2' });
  const state = fold([issued, win, lose]);

  it('announces the winning call with the contract fields', () => {
    const [m] = callMessages([win], state, 3000);
    expect(m?.subtopic).toBe('calls');
    expect(JSON.parse(m!.payload)).toEqual({
      ticket: 't1',
      number: 'A001',
      service: 'advice',
      counter: 'c1',
      at: new Date(2000).toISOString(),
      recall: false,
    });
  });

  it('does not announce a call that lost a conflict, nor one that arrives late by catch-up', () => {
    expect(callMessages([lose], state, 3000)).toEqual([]);
    expect(callMessages([win], state, 2000 + LIVE_CALL_MS + 1)).toEqual([]);
  });
});

describe('public manager alerts', () => {
  const T = 1_750_000_000_000;
  const issued = ev('k', 1, T, {
    type: 'ticket.issued',
    ticket: 't1',
    service: 'advice',
    number: 'A001',
    n: 1,
  });
  const called = ev('tab', 1, T + 1000, { type: 'ticket.called', ticket: 't1', counter: 'c1' });
  const step = ev('tab', 2, T + 2000, {
    type: 'visit.step',
    visit: 'v1',
    clerk: 'tab',
    counter: 'c1',
    ticket: 't1',
    step: 'escalated',
    n: 4,
    at: T + 2000,
  });
  const raised = ev('tab', 3, T + 3000, {
    type: 'alert.raised',
    alert: 'a1',
    kind: 'manager',
    counter: 'c1',
    visit: 'v1',
    reason: 'Refund without receipt',
  });
  const acked = ev('boss', 1, T + 63_000, { type: 'alert.acknowledged', alert: 'a1' });

  it('announces a raised alert with the contract fields and where it comes from', () => {
    const state = fold([issued, called, step, raised]);
    const [m] = alertMessages([raised], state, T + 4000);
    expect(m?.subtopic).toBe('alerts');
    expect(m?.retain).toBe(false);
    expect(JSON.parse(m!.payload)).toEqual({
      kind: 'manager',
      service: 'advice',
      message: 'A manager is needed at c1: Refund without receipt',
      at: new Date(T + 3000).toISOString(),
      alert: 'a1',
      status: 'open',
      counter: 'c1',
      clerk: 'tab',
      visit: 'v1',
      ticket: 'A001',
      reason: 'Refund without receipt',
      raisedAt: new Date(T + 3000).toISOString(),
    });
  });

  it('announces the acknowledgement, and a raise only while it is open', () => {
    const state = fold([issued, called, step, raised, acked]);
    const out = alertMessages([raised, acked], state, T + 64_000).map(
      (m) => JSON.parse(m.payload) as Record<string, unknown>,
    );
    expect(out).toEqual([
      expect.objectContaining({
        status: 'acknowledged',
        message: 'A manager is on the way at c1',
        at: new Date(T + 63_000).toISOString(),
      }),
    ]);
  });

  it('announces a walk-in alert without ticket or service, and nothing late or foreign', () => {
    const bare = ev('tab', 1, T, { type: 'alert.raised', alert: 'a2', kind: 'manager' });
    const state = fold([bare]);
    const [m] = alertMessages([bare], state, T + 1000);
    expect(JSON.parse(m!.payload)).toMatchObject({
      service: null,
      ticket: null,
      counter: null,
      reason: null,
      clerk: 'tab',
      message: 'A manager is needed',
    });
    expect(alertMessages([bare], state, T + LIVE_ALERT_MS + 1)).toEqual([]);
    const copycat = ev('other', 1, T + 10, { type: 'alert.raised', alert: 'a2', kind: 'manager' });
    expect(alertMessages([copycat], fold([bare, copycat]), T + 1000)).toEqual([]);
  });

  it('publishes calls and alerts together', () => {
    const state = fold([issued, called, step, raised]);
    expect(publicMessages([called, raised], state, T + 4000).map((m) => m.subtopic)).toEqual([
      'calls',
      'alerts',
    ]);
  });
});
