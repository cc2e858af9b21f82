import { mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreConfig } from '../../domain/config/types.ts';
import { dayNumberOf, instantAt } from '../../domain/hours/wall-time.ts';
import type { CommandResult } from '../../domain/queue/commands.ts';
import type { EventBody } from '../../domain/queue/events.ts';
import { applyEvent } from '../../domain/queue/fold.ts';
import { emptyState, type QueueState } from '../../domain/queue/state.ts';
import { ev, testStore } from '../../domain/testing/store.ts';
import type { Clock } from '../../sync/ports.ts';
import { createMemoryLogger } from '../log.ts';
import { createBookApi } from './book-api.ts';
import { startBookingDay, type BookingDay } from './booking-day.ts';
import { BOOKINGS_FILE, type BookingStore } from './booking-store.ts';
import { openBookings } from './open-bookings.ts';

const TZ = 'Europe/Warsaw';
const DAY = dayNumberOf('2026-03-27')!; // a Friday, before the spring change
const wall = (d: number, hh: number, mm = 0) => instantAt(d, hh * 60 + mm, TZ);
const span = { open: '09:00', close: '12:00' };

const cfg = (storeNetworks?: string[]): StoreConfig => ({
  ...testStore,
  store: {
    ...testStore.store,
    timeZone: TZ,
    hours: { weekly: { mon: span, tue: span, wed: span, thu: span, fri: span, sat: span } },
  },
  services: testStore.services.map((s) =>
    s.id === 'advice' ? { ...s, booking: { slotMin: 30, perSlot: 2, lateMin: 10 } } : s,
  ),
  booking: { range: { from: 5000, to: 5999 }, daysAhead: 7, perAddressPerDay: 4 },
  ...(storeNetworks ? { join: { range: { from: 1000, to: 1999 }, storeNetworks } } : {}),
});

const servers: Server[] = [];
const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
  for (const s of servers.splice(0)) s.close();
});

/** A clock whose timers run only when the test moves it. */
function simulatedClock(start: number) {
  let now = start;
  const timers: { at: number; fn: () => void }[] = [];
  const clock: Clock = {
    now: () => now,
    after(ms, fn) {
      const t = { at: now + ms, fn };
      timers.push(t);
      return () => void timers.splice(timers.indexOf(t) >>> 0, timers.includes(t) ? 1 : 0);
    },
  };
  const moveTo = (t: number) => {
    now = t;
    for (const timer of timers.filter((x) => x.at <= t)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.fn();
    }
  };
  return { clock, moveTo, now: () => now };
}

/** The agent's replica in memory: today's state, the events it committed; a new day anew. */
function memoryReplica(clock: Clock) {
  let seq = 0;
  const events: EventBody[] = [];
  const listeners = new Set<() => void>();
  const replica = {
    state: emptyState(),
    run(decide: (s: QueueState, at: number) => CommandResult) {
      const r = decide(replica.state, clock.now());
      if (r.ok) {
        events.push(r.event);
        applyEvent(replica.state, ev('agent-test-store', ++seq, clock.now(), r.event));
        for (const l of listeners) l();
      }
      return Promise.resolve({ ok: r.ok });
    },
    subscribe(l: () => void) {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    newDay() {
      replica.state = emptyState();
      events.length = 0;
    },
  };
  return { replica, events };
}

async function start(config: StoreConfig, opts: { dir?: string; at?: number } = {}) {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'nextup-book-'));
  const time = simulatedClock(opts.at ?? wall(DAY, 8));
  const log = createMemoryLogger();
  const store: BookingStore = await openBookings(dir, log);
  const { replica, events } = memoryReplica(time.clock);
  const day: BookingDay = startBookingDay({ config, store, replica, clock: time.clock, log });
  await day.sweep();
  const api = createBookApi({
    config,
    log,
    store,
    source: () => replica,
    day: () => day,
    now: time.now,
  });
  const server = createServer((req, res) => {
    void api(req, res, new URL(req.url ?? '/', 'http://x').pathname).then((done) => {
      if (!done) res.writeHead(404).end();
    });
  });
  servers.push(server);
  closers.push(async () => {
    day.close();
    await store.close();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const book = async (at: number, name?: string) => {
    const r = await post('/api/book', { service: 'advice', at, ...(name ? { name } : {}) });
    return r.body as { appointment: string; token: string; code: string; error?: string };
  };
  return { dir, base, log, store, day, replica, events, time, post, get, book };
}

describe('the booking API', () => {
  it('lists the bookable services and the slots of a day with their free places', async () => {
    const { get, book } = await start(cfg());
    const menu = await get('/api/book');
    expect(menu.body).toMatchObject({
      offered: true,
      store: { timeZone: TZ },
      daysAhead: 7,
      services: [{ id: 'advice', slotMin: 30 }],
    });
    expect((menu.body.days as string[])[0]).toBe('2026-03-27');
    await book(wall(DAY, 9), 'Ana');
    const slots = await get('/api/book/slots?service=advice&date=2026-03-27');
    expect((slots.body.slots as { at: number; free: number }[]).slice(0, 2)).toEqual([
      { at: wall(DAY, 9), end: wall(DAY, 9, 30), free: 1 },
      { at: wall(DAY, 9, 30), end: wall(DAY, 10), free: 2 },
    ]);
    // Sunday is closed; the spring change day (29th) has slots at 9:00 on the new offset
    expect((await get('/api/book/slots?service=advice&date=2026-03-29')).body.slots).toEqual([]);
    const monday = await get('/api/book/slots?service=advice&date=2026-03-30');
    expect((monday.body.slots as { at: number }[])[0]!.at).toBe(Date.UTC(2026, 2, 30, 7, 0));
    expect((await get('/api/book/slots?service=advice&date=2026-02-30')).status).toBe(400);
  });

  it('opens each service on its first day with a free time, not on a day that has none', async () => {
    const firstOpen = async (get: (p: string) => Promise<{ body: Record<string, unknown> }>) =>
      ((await get('/api/book')).body.services as { firstOpen?: string }[])[0]?.firstOpen;
    // in the morning: today
    expect(await firstOpen((await start(cfg())).get)).toBe('2026-03-27');
    // at 11:10 one slot is left today (11:30, two places): once both are booked, Saturday
    const late = await start(cfg(), { at: wall(DAY, 11, 10) });
    await late.book(wall(DAY, 11, 30));
    expect(await firstOpen(late.get)).toBe('2026-03-27');
    await late.book(wall(DAY, 11, 30));
    expect(await firstOpen(late.get)).toBe('2026-03-28');
    // on Saturday after its last slot has begun: Monday (Sunday is closed)
    const saturday = await start(cfg(), { at: wall(DAY + 1, 11, 40) });
    expect(await firstOpen(saturday.get)).toBe('2026-03-30');
    // no free time within daysAhead: none named
    const closed = cfg();
    const shut = await start({ ...closed, store: { ...closed.store, hours: { weekly: {} } } });
    expect(await firstOpen(shut.get)).toBeUndefined();
  });

  it('books, says a full slot and the address limit honestly, one log line each', async () => {
    const { book, post, log, dir } = await start(cfg());
    const a = await book(wall(DAY, 9), 'Ana');
    expect(a.code).toMatch(/^\d{6}$/);
    expect(a.token).toMatch(/^[a-f0-9]{32}$/);
    await book(wall(DAY, 9));
    expect(await post('/api/book', { service: 'advice', at: wall(DAY, 9) })).toMatchObject({
      status: 409,
      body: { error: 'full' },
    });
    expect(await post('/api/book', { service: 'returns', at: wall(DAY, 9) })).toMatchObject({
      status: 409,
      body: { error: 'notOffered' },
    });
    expect(await post('/api/book', { service: 'advice', at: wall(DAY, 9, 5) })).toMatchObject({
      body: { error: 'noSuchSlot' },
    });
    expect(
      (await post('/api/book', { service: 'advice', at: wall(DAY, 10), name: 'a\nb' })).status,
    ).toBe(400);
    await book(wall(DAY, 10));
    await book(wall(DAY, 10));
    expect(await post('/api/book', { service: 'advice', at: wall(DAY, 11) })).toMatchObject({
      body: { error: 'addressLimit' },
    });
    expect(log.lines.filter((l) => l.includes('made for advice'))).toHaveLength(4);
    expect(log.lines.filter((l) => l.includes('refused for 127.0.0.1: full'))).toHaveLength(1);
    // the capability is kept only as its digest
    expect(readFileSync(join(dir, BOOKINGS_FILE), 'utf8')).not.toContain(a.token);
  });

  it('never gives a slot more places than it has, however many customers book at once', async () => {
    const { post, store } = await start(cfg());
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => post('/api/book', { service: 'advice', at: wall(DAY, 9) })),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(2);
    expect(answers.filter((a) => a.body.error === 'full')).toHaveLength(6);
    expect([...store.bookings.values()].filter((b) => b.at === wall(DAY, 9))).toHaveLength(2);
  });

  it("writes today's bookings into the day's log at once: booked, moved, cancelled", async () => {
    const { book, post, get, events } = await start(cfg());
    const a = await book(wall(DAY, 9), 'Ana');
    expect(events).toEqual([
      {
        type: 'appointment.booked',
        appointment: a.appointment,
        service: 'advice',
        at: wall(DAY, 9),
        code: a.code,
        name: 'Ana',
      },
    ]);
    const status = await get(`/api/book/${a.appointment}?k=${a.token}`);
    expect(status.body).toMatchObject({ status: 'booked', code: a.code, today: true });
    expect((await get(`/api/book/${a.appointment}?k=${'0'.repeat(32)}`)).status).toBe(404);
    await post(`/api/book/${a.appointment}/move`, { k: a.token, at: wall(DAY, 10) });
    expect(events.at(-1)).toMatchObject({ type: 'appointment.booked', at: wall(DAY, 10) });
    await post(`/api/book/${a.appointment}/move`, { k: a.token, at: wall(DAY + 1, 10) });
    expect(events.at(-1)).toEqual({
      type: 'appointment.cancelled',
      appointment: a.appointment,
      reason: 'moved',
    });
    const b = await book(wall(DAY, 11));
    const cancelled = await post(`/api/book/${b.appointment}/cancel`, { k: b.token });
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
    expect(events.at(-1)).toEqual({ type: 'appointment.cancelled', appointment: b.appointment });
    // a booking for another day is not in today's log
    const c = await book(wall(DAY + 2, 9));
    expect(events.some((e) => 'appointment' in e && e.appointment === c.appointment)).toBe(false);
  });

  it('keeps every booking across a restart and writes each day its bookings once', async () => {
    const first = await start(cfg());
    const a = await first.book(wall(DAY + 1, 9), 'Ana');
    const b = await first.book(wall(DAY + 1, 9, 30));
    await first.post(`/api/book/${b.appointment}/cancel`, { k: b.token });
    for (const c of closers.splice(0)) await c();
    const second = await start(cfg(), { dir: first.dir, at: wall(DAY + 1, 7) });
    expect(second.events).toEqual([
      expect.objectContaining({ type: 'appointment.booked', appointment: a.appointment }),
    ]);
    await second.day.sweep();
    expect(second.events).toHaveLength(1);
    const status = await second.get(`/api/book/${a.appointment}?k=${a.token}`);
    expect(status.body).toMatchObject({ status: 'booked', name: 'Ana' });
    // the next day's log at midnight gets that day's bookings
    const later = await second.book(wall(DAY + 3, 9)); // Monday: Sunday is closed
    second.replica.newDay();
    second.time.moveTo(wall(DAY + 3, 0) + 20);
    await second.day.sweep();
    expect(second.events).toEqual([
      expect.objectContaining({ type: 'appointment.booked', appointment: later.appointment }),
    ]);
  });

  it('names a corrupt line by file and line, and keeps every other booking', async () => {
    const first = await start(cfg());
    const a = await first.book(wall(DAY + 1, 9));
    for (const c of closers.splice(0)) await c();
    const file = join(first.dir, BOOKINGS_FILE);
    appendFileSync(file, '{"type":"booked","id":\n');
    const second = await start(cfg(), { dir: first.dir });
    expect(second.log.lines.some((l) => /bookings\.jsonl line 2 cannot be read/.test(l))).toBe(
      true,
    );
    expect(second.store.bookings.get(a.appointment)).toBeDefined();
    const b = await second.book(wall(DAY + 1, 9));
    expect(b.code).toMatch(/^\d{6}$/);
    // the torn write is left as it was, the new booking on its own line
    writeFileSync(file, readFileSync(file, 'utf8') + '{"half');
    for (const c of closers.splice(0)) await c();
    const third = await start(cfg(), { dir: first.dir });
    expect(third.store.bookings.size).toBe(2);
    await third.book(wall(DAY + 1, 10));
    for (const c of closers.splice(0)) await c();
    const fourth = await start(cfg(), { dir: first.dir });
    expect(fourth.store.bookings.size).toBe(3);
    expect(fourth.store.unread.map((u) => u.line)).toEqual([2, 4]);
  });

  it('checks in from the store network only, and is a ticket called at its slot', async () => {
    const { book, post, replica, log } = await start(cfg(['192.168.77.0/24']));
    const a = await book(wall(DAY, 9), 'Ana');
    expect(await post(`/api/book/${a.appointment}/here`, { k: a.token })).toEqual({
      status: 403,
      body: { error: 'notInStore' },
    });
    const home = await start(cfg());
    const b = await home.book(wall(DAY, 9), 'Ana');
    const here = await home.post(`/api/book/${b.appointment}/here`, { k: b.token });
    expect(here).toMatchObject({ status: 200, body: { number: 'A5000' } });
    const ticket = here.body.ticket as string;
    expect(home.replica.state.tickets.get(ticket)).toMatchObject({
      channel: 'appointment',
      appointment: b.appointment,
      slotAt: wall(DAY, 9),
      name: 'Ana',
    });
    // a second tap opens the same ticket
    expect(await home.post(`/api/book/${b.appointment}/here`, { k: b.token })).toEqual({
      status: 200,
      body: { ticket },
    });
    const c = await home.book(wall(DAY + 1, 9));
    expect(await home.post(`/api/book/${c.appointment}/here`, { k: c.token })).toMatchObject({
      status: 409,
      body: { error: 'notToday' },
    });
    expect(replica.state.tickets.size).toBe(0);
    expect(log.lines.some((l) => l.includes("not on the store's network"))).toBe(true);
    expect(home.log.lines.some((l) => l.includes('checked in from the phone: ticket A5000'))).toBe(
      true,
    );
  });

  it('cancels a booking missed at its slot plus the late minutes, on the simulated clock', async () => {
    const { book, events, time, log, post } = await start(cfg());
    const a = await book(wall(DAY, 9));
    time.moveTo(wall(DAY, 9, 10) - 1);
    await Promise.resolve();
    expect(events.some((e) => e.type === 'appointment.cancelled')).toBe(false);
    time.moveTo(wall(DAY, 9, 10) + 20);
    await vi_waitFor(() => events.some((e) => e.type === 'appointment.cancelled'));
    expect(events.at(-1)).toEqual({
      type: 'appointment.cancelled',
      appointment: a.appointment,
      reason: 'missed',
    });
    expect(log.lines.some((l) => l.includes(`booking ${a.code} missed`))).toBe(true);
    expect(await post(`/api/book/${a.appointment}/here`, { k: a.token })).toMatchObject({
      body: { error: 'late' },
    });
  });

  it('gives the booking as a calendar file', async () => {
    const { book, base } = await start(cfg());
    const a = await book(wall(DAY, 9, 30), 'Ana');
    const res = await fetch(`${base}/api/book/${a.appointment}/calendar.ics?k=${a.token}`);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    // unfolded: long lines of a calendar file continue on the next, after a space
    const text = (await res.text()).replace(/\r\n[ \t]/g, '');
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).toContain('DTSTART:20260327T083000Z');
    expect(text).toContain(`#${a.code}`);
    expect(text).toContain(`/book/${a.appointment}?k=${a.token}`);
    expect((await fetch(`${base}/api/book/${a.appointment}/calendar.ics`)).status).toBe(404);
  });
});

/** Waits for the sweep's promise chain (the clock's timer starts it, not awaited). */
async function vi_waitFor(done: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setImmediate(r));
  expect(done()).toBe(true);
}
