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
import { createPersonalDataApi } from './personal-data-api.ts';
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
    expect(done).toEqual({ days: 1, events: 2 });
    expect(readFileSync(file('2026-01-10'), 'utf8')).not.toMatch(/Nowak|money/);
    const after = await history.readDay('2026-01-10');
    expect(after.map((e) => e.id)).toEqual(before.map((e) => e.id));
    // recent days keep their notes
    expect(readFileSync(file('2026-03-01'), 'utf8')).toContain('Kowalski');
    expect(log.find('removed personal text')).toHaveLength(1);
    // idempotent: nothing left, the file is not rewritten
    const mtime = statSync(file('2026-01-10')).mtimeMs;
    expect(await applyRetention({ history, keepDays: 30, today: () => '2026-03-02', log })).toEqual(
      { days: 0, events: 0 },
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
    beforeEach(async () => {
      const api = createPersonalDataApi({ log, history: () => history, state: () => state });
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
  });
});
