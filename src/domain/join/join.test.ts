import { describe, expect, it } from 'vitest';
import type { StoreConfig } from '../config/types.ts';
import { callNext, checkIn, checkInByNumber } from '../queue/commands.ts';
import type { EventBody } from '../queue/events.ts';
import { applyEvents, fold } from '../queue/fold.ts';
import { judge, FUTURE_SKEW_MS, PAST_SKEW_MS } from '../sync/plausibility.ts';
import { validateEvent } from '../sync/validate.ts';
import { ev, testStore } from '../testing/store.ts';
import { checkInDeadline, dropUncheckedIn, nextCheckInDeadline, overdueCheckIns } from './grace.ts';
import { joinTicket, type JoinRequest } from './join-issue.ts';
import { HOUR_MS } from './limits.ts';
import { cleanName } from './name.ts';

const T0 = Date.UTC(2026, 0, 5, 10, 0);
const cfg: StoreConfig = {
  ...testStore,
  services: testStore.services.map((s) =>
    s.id === 'advice' ? { ...s, remote: { checkIn: true, graceMin: 20, perHour: 2 } } : s,
  ),
  join: { range: { from: 900_000, to: 900_010 }, perAddressPerHour: 3 },
};
const req = (over: Partial<JoinRequest> = {}): JoinRequest => ({
  serviceId: 'advice',
  ticketId: 'p1',
  now: T0,
  wait: undefined,
  addressJoins: [],
  ...over,
});
const kiosk = (ticket: string, n: number): EventBody => ({
  type: 'ticket.issued',
  ticket,
  service: 'advice',
  number: `A${String(n).padStart(3, '0')}`,
  n,
});

function joined(over: Partial<JoinRequest> = {}) {
  const d = joinTicket(cfg, fold([]), req(over));
  if (!d.ok) throw new Error(d.refusal.kind);
  return d.event;
}

describe('a ticket from a phone', () => {
  it('takes a number from the phone range, says its channel, name and check-in', () => {
    const e = joined({ name: 'Ana' });
    expect(e).toMatchObject({
      number: 'A900000',
      n: 900_000,
      channel: 'phone',
      name: 'Ana',
      checkIn: true,
    });
    const logged = ev('agent-test-store', 1, T0, e);
    expect(validateEvent(logged)).toEqual({ ok: true, value: logged });
  });

  it('is plausible to every receiver, and a kiosk number outside every range is not', () => {
    const sight = { now: T0, authorIssues: [T0 - 1, T0 - 2, T0 - 3, T0 - 4, T0 - 5] };
    const rules = { pastSkewMs: PAST_SKEW_MS, futureSkewMs: FUTURE_SKEW_MS, config: cfg };
    expect(judge(ev('agent-test-store', 1, T0, joined()), sight, rules)).toBeUndefined();
    const noJoin = { ...rules, config: { ...cfg, join: undefined } };
    expect(judge(ev('agent-test-store', 1, T0, joined()), sight, noJoin)).toBe('numberOutOfRange');
  });

  it('keeps its place but is skipped by call next until checked in', () => {
    const s0 = fold([
      ev('agent-test-store', 1, T0, joined()),
      ev('kiosk-1', 1, T0 + 1000, kiosk('k1', 1)),
      ev('clerk-1', 1, T0 + 2000, { type: 'counter.opened', counter: 'c2', services: ['advice'] }),
    ]);
    const first = callNext(s0, 'c2', ['advice'], 0);
    expect(first).toEqual({
      ok: true,
      event: { type: 'ticket.called', ticket: 'k1', counter: 'c2' },
    });
    const arrived = checkIn(s0, 'p1');
    expect(arrived).toEqual({ ok: true, event: { type: 'ticket.checkedIn', ticket: 'p1' } });
    const s1 = applyEvents(s0, [
      ev('kiosk-1', 2, T0 + 3000, { type: 'ticket.checkedIn', ticket: 'p1' }),
    ]);
    expect(s1.tickets.get('p1')).toMatchObject({ awaitingCheckIn: false, checkedInAt: T0 + 3000 });
    expect(callNext(s1, 'c2', ['advice'], 0)).toMatchObject({ event: { ticket: 'p1' } });
    expect(checkIn(s1, 'p1')).toEqual({ ok: false, error: 'notWaiting' });
  });

  it('checks in by the number the phone shows, typed in any case with spaces around', () => {
    const s0 = fold([ev('agent-test-store', 1, T0, joined())]);
    const number = s0.tickets.get('p1')!.number;
    const arrived = { ok: true, event: { type: 'ticket.checkedIn', ticket: 'p1' } };
    expect(checkInByNumber(s0, ` ${number.toLowerCase()} `)).toEqual(arrived);
    expect(checkInByNumber(s0, 'Z999')).toEqual({ ok: false, error: 'unknownTicket' });
    expect(checkInByNumber(s0, '')).toEqual({ ok: false, error: 'unknownTicket' });
  });

  it('is dropped with reason noCheckIn at the grace time, not before, and never twice', () => {
    const s0 = fold([ev('agent-test-store', 1, T0, joined())]);
    const t = s0.tickets.get('p1')!;
    expect(checkInDeadline(cfg, t)).toBe(T0 + 20 * 60_000);
    expect(nextCheckInDeadline(cfg, s0, T0)).toBe(T0 + 20 * 60_000);
    expect(overdueCheckIns(cfg, s0, T0 + 20 * 60_000 - 1)).toEqual([]);
    expect(overdueCheckIns(cfg, s0, T0 + 20 * 60_000)).toEqual(['p1']);
    const drop = dropUncheckedIn(cfg, s0, 'p1', T0 + 20 * 60_000);
    expect(drop).toEqual({
      ok: true,
      event: { type: 'ticket.cancelled', ticket: 'p1', reason: 'noCheckIn' },
    });
    const s1 = applyEvents(s0, [
      ev('agent-test-store', 2, T0 + 20 * 60_000, (drop as { event: EventBody }).event),
    ]);
    expect(s1.tickets.get('p1')).toMatchObject({ status: 'cancelled', cancelReason: 'noCheckIn' });
    expect(dropUncheckedIn(cfg, s1, 'p1', T0 + 30 * 60_000).ok).toBe(false);
  });

  it('is not dropped once checked in', () => {
    const s = fold([
      ev('agent-test-store', 1, T0, joined()),
      ev('kiosk-1', 1, T0 + 1000, { type: 'ticket.checkedIn', ticket: 'p1' }),
    ]);
    expect(overdueCheckIns(cfg, s, T0 + HOUR_MS)).toEqual([]);
  });
});

describe('the flood limits', () => {
  it('allow one live ticket per phone', () => {
    const s = fold([ev('agent-test-store', 1, T0, joined())]);
    expect(joinTicket(cfg, s, req({ ticketId: 'p2', phoneTicket: 'p1' }))).toEqual({
      ok: false,
      refusal: { kind: 'phoneHasTicket', ticket: 'p1' },
    });
    const left = applyEvents(s, [
      ev('agent-test-store', 2, T0 + 1, { type: 'ticket.cancelled', ticket: 'p1' }),
    ]);
    expect(joinTicket(cfg, left, req({ ticketId: 'p2', phoneTicket: 'p1' })).ok).toBe(true);
  });

  it('allow a few tickets an hour per address', () => {
    const three = [T0 - 30 * 60_000, T0 - 20 * 60_000, T0 - 10 * 60_000];
    expect(joinTicket(cfg, fold([]), req({ addressJoins: three }))).toEqual({
      ok: false,
      refusal: { kind: 'addressLimit', retryAt: three[0]! + HOUR_MS },
    });
    expect(joinTicket(cfg, fold([]), req({ addressJoins: three.slice(1) })).ok).toBe(true);
  });

  it('cap a service per hour', () => {
    const s = fold([
      ev('agent-test-store', 1, T0 - 50 * 60_000, joined({ ticketId: 'a' })),
      ev('agent-test-store', 2, T0 - 40 * 60_000, {
        ...joined({ ticketId: 'b' }),
        number: 'A900001',
        n: 900_001,
      }),
    ]);
    expect(joinTicket(cfg, s, req({ ticketId: 'c' }))).toEqual({
      ok: false,
      refusal: { kind: 'serviceHourFull', retryAt: T0 - 50 * 60_000 + HOUR_MS },
    });
    expect(joinTicket(cfg, s, req({ ticketId: 'c', now: T0 + 10 * 60_000 })).ok).toBe(true);
    // kiosk tickets do not count against the phones' cap
    expect(joinTicket(cfg, s, req({ serviceId: 'returns', ticketId: 'c' })).ok).toBe(true);
  });

  it('keep the honest hours of the kiosk', () => {
    const closed: StoreConfig = { ...cfg, store: { ...cfg.store, hours: { weekly: {} } } };
    expect(joinTicket(closed, fold([]), req())).toMatchObject({
      ok: false,
      refusal: { kind: 'closed' },
    });
    expect(joinTicket({ ...cfg, join: undefined }, fold([]), req())).toEqual({
      ok: false,
      refusal: { kind: 'notOffered' },
    });
  });
});

describe('names', () => {
  it('are one short line, validated on the event too', () => {
    expect(cleanName('  Ana   Maria ')).toBe('Ana Maria');
    expect(cleanName('')).toBeUndefined();
    expect(cleanName('x'.repeat(41))).toBeNull();
    expect(cleanName('a\nb')).toBeNull();
    const e = ev('agent-test-store', 1, T0, joined());
    expect(validateEvent({ ...e, name: 'x'.repeat(41) }).ok).toBe(false);
    expect(validateEvent({ ...e, name: ' Ana' }).ok).toBe(false);
    expect(validateEvent({ ...e, channel: 'fax' }).ok).toBe(false);
    expect(validateEvent({ ...e, checkIn: false }).ok).toBe(false);
  });
});
