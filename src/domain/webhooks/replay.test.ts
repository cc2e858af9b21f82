import { describe, expect, it } from 'vitest';
import { ev } from '../testing/store.ts';
import { pastMark } from './replay.ts';

const T0 = Date.UTC(2026, 11, 6, 9);
const issued = (ticket: string, n: number) =>
  ({ type: 'ticket.issued', ticket, service: 'advice', number: `A00${n}`, n }) as const;

describe('the webhooks’ queued mark', () => {
  const log = [
    ev('kiosk-1', 1, T0, issued('t1', 1)),
    ev('clerk-1', 1, T0 + 1000, { type: 'ticket.called', ticket: 't1', counter: 'c1' }),
    ev('kiosk-1', 2, T0 + 2000, issued('t2', 2)),
    // a forged ticket, refused by the agent's verdict stored right after it
    ev('kiosk-1', 3, T0 + 3000, issued('t3', 2)),
    ev('agent-test-store', 1, T0 + 3001, {
      type: 'event.refused',
      events: ['kiosk-1:3'],
      reason: 'numberTaken',
    }),
    ev('clerk-1', 2, T0 + 4000, { type: 'ticket.called', ticket: 't2', counter: 'c1' }),
  ];

  it('gives the committed events past it, in log order, from devices it has not seen too', () => {
    const past = pastMark([...log].reverse(), { 'kiosk-1': 1, 'agent-test-store': 1 });
    expect(past.map((e) => e.id)).toEqual(['clerk-1:1', 'kiosk-1:2', 'clerk-1:2']);
    expect(pastMark(log, { 'kiosk-1': 3, 'clerk-1': 2, 'agent-test-store': 1 })).toEqual([]);
  });

  it('never gives an event the store refused, even when its verdict is behind the mark', () => {
    const ids = (mark: Record<string, number>) => pastMark(log, mark).map((e) => e.id);
    expect(ids({})).not.toContain('kiosk-1:3');
    expect(ids({ 'kiosk-1': 2, 'clerk-1': 2, 'agent-test-store': 1 })).toEqual([]);
  });
});
