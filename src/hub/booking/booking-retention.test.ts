import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dayKey } from '../../domain/queue/day.ts';
import { tempDir, type TempDir } from '../hub-testing.ts';
import { createMemoryLogger } from '../log.ts';
import { applyRetention } from '../retention.ts';
import { openBookingStore } from './booking-store.ts';

const booked = (id: string, day: string, name: string) =>
  JSON.stringify({
    type: 'booked',
    id,
    service: 'advice',
    at: Date.parse(`${day}T10:00:00Z`),
    code: id === 'old' ? '111111' : '222222',
    key: 'k'.repeat(43),
    t: Date.parse(`${day}T08:00:00Z`),
    name,
  });

describe('customers’ names in the bookings file', () => {
  let dir: TempDir | undefined;
  afterEach(() => dir?.remove());

  it('leave with the retention once the booked day is old enough; the rest of the file stays', async () => {
    dir = tempDir('booking-retention');
    const path = join(dir.path, 'bookings.jsonl');
    const torn = '{"type":"booked","id":"to';
    writeFileSync(
      path,
      [booked('old', '2026-01-10', 'Ms Nowak'), torn, booked('new', '2026-03-01', 'Ola')].join(
        '\n',
      ) + '\n',
    );
    const store = await openBookingStore(path);
    const log = createMemoryLogger();
    const retention = () =>
      applyRetention({
        history: {
          days: () => Promise.resolve([]),
          readDay: () => Promise.resolve([]),
          rewriteDay: () => Promise.resolve(0),
        },
        keepDays: 30,
        today: () => '2026-03-02',
        log,
        forgetBookingNames: (cutoff) => store.forgetNames((b) => dayKey(b.at, 'UTC') < cutoff),
      });
    expect(await retention()).toEqual({ days: 0, events: 0, bookings: 1 });
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain('Nowak');
    expect(text).toContain('"Ola"');
    expect(text.split('\n')[1]).toBe(torn);
    expect(store.bookings.get('old')).not.toHaveProperty('name');
    expect(store.bookings.get('new')?.name).toBe('Ola');
    expect(log.find('and 1 bookings older than 30 days')).toHaveLength(1);
    // nothing left: the file is not rewritten again, and the store still appends to it
    expect(await retention()).toEqual({ days: 0, events: 0, bookings: 0 });
    await store.change(() => ({ ok: true, record: { type: 'cancelled', id: 'new', t: 1 } }));
    expect(readFileSync(path, 'utf8').trimEnd().split('\n').pop()).toBe(
      '{"type":"cancelled","id":"new","t":1}',
    );
    await store.close();
    const again = await openBookingStore(path);
    expect(again.bookings.get('old')).toMatchObject({ code: '111111' });
    expect(again.bookings.get('old')).not.toHaveProperty('name');
    expect(again.bookings.get('new')?.status).toBe('cancelled');
    await again.close();
  });
});
