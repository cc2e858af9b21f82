import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeHlc } from '../domain/clock/hlc.ts';
import type { StoreEvent } from '../domain/queue/events.ts';
import { ev } from '../domain/testing/store.ts';
import { faultyDisk, type FaultyDisk } from './append-file-testing.ts';
import type { DiskArea, DiskReport } from './disk-health.ts';
import { EventFileStore } from './event-file-store.ts';
import { tempDir, type TempDir } from './hub-testing.ts';

const T = (iso: string) => Date.parse(iso);
const quiet = { info: () => undefined, warn: () => undefined };
const opened = (device: string, seq: number, at: string): StoreEvent =>
  ev(device, seq, T(at), { type: 'counter.opened', counter: 'c1', services: ['advice'] });

/** Every line of a day file, parsed: throws on a line that is not whole JSON. */
function lines(path: string): unknown[] {
  const text = readFileSync(path, 'utf8');
  expect(text === '' || text.endsWith('\n')).toBe(true);
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as unknown);
}

describe('event file store on a failing disk', () => {
  let dir: TempDir;
  let disk: FaultyDisk;
  let reports: string[];
  let store: EventFileStore;
  const report: DiskReport = {
    failed: (area: DiskArea, err) => reports.push(`${area} failed: ${(err as Error).message}`),
    succeeded: (area: DiskArea) => reports.push(`${area} ok`),
  };
  const day = () => join(dir.path, 's', 'events', '2026-03-03.jsonl');
  const open = () =>
    new EventFileStore(join(dir.path, 's'), 'UTC', quiet, { openFile: disk.open, report });

  beforeEach(async () => {
    dir = tempDir('event-store');
    disk = faultyDisk();
    reports = [];
    store = open();
    await store.load(encodeHlc({ wall: T('2026-03-03T00:00:00Z'), counter: 0 }));
  });

  afterEach(async () => {
    await store.close();
    dir.remove();
  });

  it('leaves the day file as it was when the disk fills mid-line, and appends after it', async () => {
    await store.appendRemote([opened('k', 1, '2026-03-03T09:00:00Z')]);
    const before = readFileSync(day(), 'utf8');

    disk.fillAfter(20); // a torn line of 20 bytes, then ENOSPC
    await expect(store.appendRemote([opened('k', 2, '2026-03-03T09:01:00Z')])).rejects.toThrow(
      /ENOSPC/,
    );
    expect(disk.failedAppends).toBe(1);
    expect(readFileSync(day(), 'utf8')).toBe(before);
    expect(reports).toEqual(['events ok', expect.stringMatching(/^events failed: ENOSPC/)]);

    disk.heal();
    await store.appendRemote([opened('k', 3, '2026-03-03T09:02:00Z')]);
    expect(lines(day()).map((e) => (e as StoreEvent).id)).toEqual(['k:1', 'k:3']);
    expect(reports.at(-1)).toBe('events ok');

    // a restart reads every event the store said it kept
    await store.close();
    store = open();
    const { events } = await store.load(encodeHlc({ wall: T('2026-03-03T00:00:00Z'), counter: 0 }));
    expect(events.map((e) => e.id).sort()).toEqual(['k:1', 'k:3']);
  });

  it('never appends onto a torn line it could not cut back', async () => {
    await store.appendRemote([opened('k', 1, '2026-03-03T09:00:00Z')]);
    disk.fillAfter(20);
    disk.stuck(); // the cut back fails too: 20 torn bytes stay
    await expect(store.appendRemote([opened('k', 2, '2026-03-03T09:01:00Z')])).rejects.toThrow(
      /ENOSPC/,
    );
    disk.fillAfter(Infinity);
    // room again, but the torn bytes cannot be cut: refused rather than glued on
    await expect(store.appendRemote([opened('k', 3, '2026-03-03T09:02:00Z')])).rejects.toThrow(
      /EIO/,
    );
    expect(readFileSync(day(), 'utf8').split('\n').at(-1)).toHaveLength(20);

    disk.heal();
    await store.appendRemote([opened('k', 3, '2026-03-03T09:02:00Z')]);
    expect(lines(day()).map((e) => (e as StoreEvent).id)).toEqual(['k:1', 'k:3']);
  });

  it('cuts back every day of a batch when a later day fails', async () => {
    await store.appendRemote([opened('k', 1, '2026-03-02T09:00:00Z')]);
    const firstDay = join(dir.path, 's', 'events', '2026-03-02.jsonl');
    const before = readFileSync(firstDay, 'utf8');
    const batch = [opened('k', 2, '2026-03-02T10:00:00Z'), opened('k', 3, '2026-03-03T09:00:00Z')];
    disk.fillAfter(JSON.stringify(batch[0]).length + 1 + 5);
    await expect(store.appendRemote(batch)).rejects.toThrow(/ENOSPC/);
    expect(readFileSync(firstDay, 'utf8')).toBe(before);
    expect(readFileSync(day(), 'utf8')).toBe('');
  });

  it('keeps no local event whose outbox entry could not be saved', async () => {
    await store.appendLocal(opened('agent-s', 1, '2026-03-03T09:00:00Z'));
    const before = readFileSync(day(), 'utf8');
    // a folder where the outbox's temporary file goes: the save fails, even for root
    mkdirSync(join(dir.path, 's', 'outbox.json.tmp'));
    await expect(store.appendLocal(opened('agent-s', 2, '2026-03-03T09:01:00Z'))).rejects.toThrow();
    expect(readFileSync(day(), 'utf8')).toBe(before);
    expect(JSON.parse(readFileSync(join(dir.path, 's', 'outbox.json'), 'utf8'))).toEqual([
      'agent-s:1',
    ]);
  });

  it('refuses an event whose store day no day file can name (year 10000)', async () => {
    const far = ev('k', 1, Date.UTC(10000, 0, 2), { type: 'counter.closed', counter: 'c1' });
    await expect(store.appendRemote([far])).rejects.toThrow(/no day file/);
    expect(await store.days()).toEqual([]);
  });
});

describe('event file store after a crash', () => {
  let dir: TempDir;
  afterEach(() => dir.remove());

  it('cuts off a torn last line before appending, and keeps a whole one', async () => {
    dir = tempDir('event-store');
    const events = join(dir.path, 's', 'events');
    mkdirSync(events, { recursive: true });
    const a = JSON.stringify(opened('k', 1, '2026-03-03T09:00:00Z'));
    const b = JSON.stringify(opened('k', 2, '2026-03-03T09:01:00Z'));
    const c = JSON.stringify(opened('k', 3, '2026-03-02T09:01:00Z'));
    // a crash mid-write: half a line; and a whole line that only lacks its newline
    writeFileSync(join(events, '2026-03-03.jsonl'), `${a}\n${b.slice(0, 30)}`);
    writeFileSync(join(events, '2026-03-02.jsonl'), c);
    const store = new EventFileStore(join(dir.path, 's'), 'UTC', quiet);
    const loaded = await store.load(encodeHlc({ wall: T('2026-03-02T00:00:00Z'), counter: 0 }));
    expect(loaded.events.map((e) => e.id).sort()).toEqual(['k:1', 'k:3']);
    expect(readFileSync(join(events, '2026-03-03.jsonl'), 'utf8')).toBe(`${a}\n`);
    expect(readFileSync(join(events, '2026-03-02.jsonl'), 'utf8')).toBe(`${c}\n`);

    await store.appendRemote([opened('k', 2, '2026-03-03T09:01:00Z')]);
    expect(readFileSync(join(events, '2026-03-03.jsonl'), 'utf8')).toBe(`${a}\n${b}\n`);
    await store.close();
  });
});
