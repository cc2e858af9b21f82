import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventBody } from '../domain/queue/events.ts';
import { emptyState } from '../domain/queue/state.ts';
import { ev } from '../domain/testing/store.ts';
import { EventFileStore } from './event-file-store.ts';
import { tempDir, type TempDir } from './hub-testing.ts';
import { createMemoryLogger } from './log.ts';
import { createPersonalDataApi, LOOKUPS, type PersonalHistory } from './personal-data-api.ts';
import { applyRetention } from './retention.ts';

const TICKET = 'abcdefghijklmnopqrstuvwxyz';
const OTHER = 'bcdefghijklmnopqrstuvwxyza';
const at = (day: string, hh: number) => Date.parse(`${day}T${String(hh).padStart(2, '0')}:00:00Z`);
const issued = (ticket: string): EventBody => ({
  type: 'ticket.issued',
  ticket,
  service: 'advice',
  number: 'A001',
  n: 1,
});
const note = (visit: string, ticket: string, text: string): EventBody => ({
  type: 'visit.note',
  visit,
  clerk: 'tab',
  ticket,
  note: text,
});

describe('personal data on the hub: retention and a customer’s own data', () => {
  let dir: TempDir;
  let history: EventFileStore;
  const log = createMemoryLogger();
  const file = (day: string) => join(dir.path, 'events', `${day}.jsonl`);

  beforeEach(async () => {
    dir = tempDir('retention');
    history = new EventFileStore(dir.path, 'UTC', { info: () => undefined, warn: () => undefined });
    await history.days(); // creates the folder, as the agent's load does
    await history.appendRemote([
      ev('k', 1, at('2026-01-10', 9), issued(OTHER)),
      ev('tab', 1, at('2026-01-10', 10), note('v0', OTHER, 'Ms Nowak, size 38')),
      ev('tab', 2, at('2026-01-10', 11), {
        type: 'ticket.transferred',
        ticket: OTHER,
        counter: 'c1',
        toService: 'returns',
        reason: 'wants her money back',
      }),
      ev('k', 2, at('2026-03-01', 9), issued(TICKET)),
      ev('tab', 3, at('2026-03-01', 10), note('v1', TICKET, 'Mr Kowalski, kettle')),
      ev('tab', 4, at('2026-03-02', 10), note('v9', 'nextdayticketxxxxxxxxxxxxx', 'not theirs')),
    ]);
  });
  afterEach(async () => {
    await history.close();
    dir.remove();
  });

  it('removes personal text older than the retention from the files, once, and keeps the events', async () => {
    const before = await history.readDay('2026-01-10');
    const done = await applyRetention({
      history,
      keepDays: 30,
      today: () => '2026-03-02',
      log,
    });
    expect(done).toEqual({ days: 1, events: 2, bookings: 0 });
    expect(readFileSync(file('2026-01-10'), 'utf8')).not.toMatch(/Nowak|money/);
    const after = await history.readDay('2026-01-10');
    expect(after.map((e) => e.id)).toEqual(before.map((e) => e.id));
    // recent days keep their notes
    expect(readFileSync(file('2026-03-01'), 'utf8')).toContain('Kowalski');
    expect(log.find('removed personal text')).toHaveLength(1);
    // idempotent: nothing left, the file is not rewritten
    const mtime = statSync(file('2026-01-10')).mtimeMs;
    expect(await applyRetention({ history, keepDays: 30, today: () => '2026-03-02', log })).toEqual(
      { days: 0, events: 0, bookings: 0 },
    );
    expect(statSync(file('2026-01-10')).mtimeMs).toBe(mtime);
    expect(log.find('no personal text older than 30 days')).toHaveLength(1);
    // the store keeps appending to a day it rewrote
    await history.appendRemote([
      ev('k', 3, at('2026-01-10', 12), issued('lateeventxxxxxxxxxxxxxxxxx')),
    ]);
    expect(await history.readDay('2026-01-10')).toHaveLength(4);
  });

  describe('the ticket’s link', () => {
    let server: Server;
    let base: string;
    let state = emptyState();
    let clock = Date.parse('2026-03-02T12:00:00Z');
    const read: string[] = [];
    beforeEach(async () => {
      read.length = 0;
      // the history as the API sees it, noting which day files it reads
      const counted: PersonalHistory = {
        days: () => history.days(),
        readDay: (day) => {
          read.push(day);
          return history.readDay(day);
        },
        rewriteDay: (day, change) => history.rewriteDay(day, change),
      };
      const api = createPersonalDataApi({
        log,
        history: () => counted,
        state: () => state,
        timeZone: () => 'UTC',
        keepDays: () => 30,
        now: () => clock,
      });
      server = createServer((req, res) => {
        void api.handle(req, res, new URL(req.url ?? '/', 'http://x').pathname).then((done) => {
          if (!done) res.writeHead(404).end();
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/track`;
    });
    afterEach(() => new Promise((r) => server.close(r)));

    it('exports everything held about the ticket, and forgets its personal text on request', async () => {
      const data = await fetch(`${base}/${TICKET}/data`);
      expect(data.status).toBe(200);
      const body = (await data.json()) as { days: string[]; events: { id: string }[] };
      expect(body.days).toEqual(['2026-03-01']);
      expect(body.events.map((e) => e.id)).toEqual(['k:2', 'tab:3']);

      const forget = () =>
        fetch(`${base}/${TICKET}/forget`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
        });
      const res = await forget();
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ removed: 1 });
      expect(readFileSync(file('2026-03-01'), 'utf8')).not.toContain('Kowalski');
      // another customer's note the same week stays
      expect(readFileSync(file('2026-03-02'), 'utf8')).toContain('not theirs');
      expect(await (await forget()).json()).toEqual({ removed: 0 });
    });

    it('refuses a ticket still in line, a bad id, an unknown one, and the wrong method', async () => {
      state = {
        ...emptyState(),
        tickets: new Map([[TICKET, { status: 'waiting' } as never]]),
      };
      const post = (t: string) =>
        fetch(`${base}/${t}/forget`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
        });
      expect((await post(TICKET)).status).toBe(409);
      expect((await post('not-a-ticket')).status).toBe(400);
      expect((await post('zzzzzzzzzzzzzzzzzzzzzzzzzz')).status).toBe(404);
      expect((await fetch(`${base}/${TICKET}/forget`)).status).toBe(405);
      state = emptyState();
    });

    it('reads the day its link names, or only the retention window, for a ticket it may not know', async () => {
      // no `at`: the last 30 days only; the January ticket is past them (its text is gone)
      expect((await fetch(`${base}/zzzzzzzzzzzzzzzzzzzzzzzzzz/data`)).status).toBe(404);
      expect(read).toEqual(['2026-03-02', '2026-03-01']);
      read.length = 0;
      expect((await fetch(`${base}/${OTHER}/data`)).status).toBe(404);
      expect(read).not.toContain('2026-01-10');
      // the link's `at` (seconds) names its day: that one, and the next for late events
      read.length = 0;
      const at = Math.floor(Date.parse('2026-01-10T09:00:00Z') / 1000);
      const res = await fetch(`${base}/${OTHER}/data?at=${at}`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { events: unknown[] }).events).toHaveLength(3);
      expect(read).toEqual(['2026-01-10', '2026-03-01']);
      // an unknown ticket with a link's `at`: one file (two near midnight)
      read.length = 0;
      expect((await fetch(`${base}/zzzzzzzzzzzzzzzzzzzzzzzzzz/data?at=${at}`)).status).toBe(404);
      expect(read).toEqual(['2026-01-10']);
    });

    it('answers 429 with a JSON error past the lookups an address may make in a minute', async () => {
      const unknown = `${base}/zzzzzzzzzzzzzzzzzzzzzzzzzz/data`;
      for (let i = 0; i < LOOKUPS.perAddress; i++) expect((await fetch(unknown)).status).toBe(404);
      read.length = 0;
      const refused = await fetch(unknown);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('60');
      expect(((await refused.json()) as { error: string }).error).toMatch(/too many lookups/);
      const forget = await fetch(`${base}/${TICKET}/forget`, { method: 'POST', body: '{}' });
      expect(forget.status).toBe(429);
      expect(read).toEqual([]);
      expect(log.find('ticket data lookups paused for 127.0.0.1')).toHaveLength(1);
      // a minute later the address may ask again
      clock += LOOKUPS.windowMs;
      expect((await fetch(`${base}/${TICKET}/data`)).status).toBe(200);
    });
  });
});
