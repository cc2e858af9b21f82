import { describe, expect, it } from 'vitest';
import type { EventBody } from '../queue/events.ts';
import { fold } from '../queue/fold.ts';
import { ev, testStore } from '../testing/store.ts';
import { issueTicket } from '../queue/commands.ts';
import { WaitEstimator } from '../wait/estimator.ts';
import { estimateWaitWith } from '../wait/queue-state.ts';
import { checkKioskRequest, kioskFreeAt } from './issue.ts';
import { canLeave, isTicketId, ticketView } from './tracking.ts';

const T = (c: string) => c.repeat(26);
const A = T('a');
const B = T('b');
const C = T('c');

const issued = (ticket: string, n: number, priority = false): EventBody => ({
  type: 'ticket.issued',
  ticket,
  service: 'advice',
  number: `A${String(n).padStart(3, '0')}`,
  n,
  ...(priority ? { priority: true as const } : {}),
});

describe('ticket ids', () => {
  it('accepts only 26 base32 characters', () => {
    expect(isTicketId(A)).toBe(true);
    expect(isTicketId('a'.repeat(25))).toBe(false);
    expect(isTicketId(`${'a'.repeat(25)}1`)).toBe(false);
    expect(isTicketId(`${'a'.repeat(25)}A`)).toBe(false);
    expect(isTicketId('../../etc/passwd')).toBe(false);
  });
});

describe('ticketView', () => {
  const base = [
    ev('kiosk-1', 1, 1000, issued(A, 1)),
    ev('kiosk-1', 2, 2000, issued(B, 2)),
    ev('kiosk-1', 3, 3000, issued(C, 3)),
  ];

  it('tells a waiting customer their place and wait, and nothing about others', () => {
    const state = fold(base);
    const est = new WaitEstimator({ serviceSec: { advice: 240 } });
    const view = ticketView(state, testStore, C, (s, t) =>
      estimateWaitWith(est, state, s, 4000, { ticket: t }),
    )!;
    expect(view).toMatchObject({ number: 'A003', status: 'waiting', ahead: 2, counter: null });
    // no counter is open: the phone is told so, with no number
    expect(view.wait).toEqual({ noCounter: true, openCounters: 0, opensAt: undefined });
    expect(view.next).toBe(false);
    const json = JSON.stringify(view);
    for (const other of [A, B, 'A001', 'A002', 'kiosk-1']) expect(json).not.toContain(other);
  });

  it('says where to go once called, and counts recalls', () => {
    const state = fold([
      ...base,
      ev('clerk', 1, 4000, { type: 'counter.opened', counter: 'c1', services: ['advice'] }),
      ev('clerk', 2, 5000, { type: 'ticket.called', ticket: A, counter: 'c1' }),
      ev('clerk', 3, 6000, { type: 'ticket.recalled', ticket: A, counter: 'c1' }),
    ]);
    const view = ticketView(state, testStore, A)!;
    expect(view).toMatchObject({ status: 'called', ahead: null, wait: null, calls: 2 });
    expect(view.counter).toEqual({ id: 'c1', name: { en: 'Counter 1' } });
    expect(ticketView(state, testStore, B)?.ahead).toBe(0);
  });

  it('puts a priority ticket first in line', () => {
    const state = fold([...base, ev('kiosk-1', 4, 4000, issued(T('d'), 4, true))]);
    expect(ticketView(state, testStore, T('d'))).toMatchObject({ ahead: 0, priority: true });
    expect(ticketView(state, testStore, A)?.ahead).toBe(1);
  });

  it('is undefined for an unknown ticket', () => {
    expect(ticketView(fold(base), testStore, T('z'))).toBeUndefined();
  });
});

describe('canLeave', () => {
  it('lets a customer leave only while waiting or called', () => {
    expect(canLeave({ status: 'waiting' })).toBe(true);
    expect(canLeave({ status: 'called' })).toBe(true);
    expect(canLeave({ status: 'serving' })).toBe(false);
    expect(canLeave({ status: 'cancelled' })).toBe(false);
  });
});

describe('checkKioskRequest', () => {
  const cfg = {
    ...testStore,
    services: testStore.services.map((s) =>
      s.id === 'advice' ? { ...s, allowPriority: true } : s,
    ),
    kiosk: { idleResetSec: 20, rateLimit: { maxTickets: 2, windowSec: 60 } },
  };
  const req = { serviceId: 'advice', priority: false, now: 100_000, recent: [] };

  it('allows within the limit and refuses beyond it, saying when to retry', () => {
    expect(checkKioskRequest(cfg, req)).toEqual({ ok: true });
    expect(checkKioskRequest(cfg, { ...req, recent: [99_000, 99_500] })).toEqual({
      ok: false,
      error: 'rateLimited',
      retryAt: 159_000,
    });
  });

  it('names when the kiosk is free: the countdown ends there and the kiosk issues again', () => {
    const recent = [99_000, 99_500];
    expect(kioskFreeAt(cfg, [], 100_000)).toBe(100_000);
    const freeAt = kioskFreeAt(cfg, recent, 100_000);
    expect(freeAt).toBe(159_000);
    expect(checkKioskRequest(cfg, { ...req, recent, now: freeAt - 1 }).ok).toBe(false);
    expect(checkKioskRequest(cfg, { ...req, recent, now: freeAt }).ok).toBe(true);
    expect(kioskFreeAt(cfg, recent, freeAt)).toBe(freeAt);
  });

  it('offers priority only for services that allow it', () => {
    expect(checkKioskRequest(cfg, { ...req, priority: true })).toEqual({ ok: true });
    expect(checkKioskRequest(cfg, { ...req, serviceId: 'returns', priority: true })).toEqual({
      ok: false,
      error: 'priorityNotAllowed',
    });
  });

  it('issues priority tickets with the flag and others without it', () => {
    const kiosk = testStore.kiosks[0]!;
    const p = issueTicket(fold([]), cfg, kiosk, 'advice', A, true);
    expect(p.ok && p.event).toMatchObject({ type: 'ticket.issued', priority: true });
    const plain = issueTicket(fold([]), cfg, kiosk, 'advice', A);
    expect(plain.ok && 'priority' in plain.event).toBe(false);
  });
});
