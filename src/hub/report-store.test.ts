import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ev } from '../domain/testing/store.ts';
import { EventFileStore } from './event-file-store.ts';
import { tempDir, type TempDir } from './hub-testing.ts';
import { ReportStore } from './report-store.ts';

const T = (iso: string) => Date.parse(iso);

describe('report store: today', () => {
  let dir: TempDir;
  let history: EventFileStore;
  let now = T('2026-03-03T12:00:00Z');

  beforeEach(async () => {
    dir = tempDir('report-store');
    history = new EventFileStore(join(dir.path, 's'), 'UTC', {
      info: () => undefined,
      warn: () => undefined,
    });
    await history.days();
    // opened at 09:00 today and still open
    await history.appendRemote([
      ev('tab', 1, T('2026-03-03T09:00:00Z'), {
        type: 'counter.opened',
        counter: 'c1',
        services: ['advice'],
      }),
    ]);
  });

  afterEach(async () => {
    await history.close();
    dir.remove();
  });

  it('counts a counter still open until now, and has no figure for the hours to come', async () => {
    now = T('2026-03-03T12:00:00Z');
    const store = new ReportStore(join(dir.path, 's'), 'UTC', history, () => now);
    const [today] = await store.rollups('2026-03-03', '2026-03-03');
    expect(today!.openCounters.slice(8, 14)).toEqual([0, 1, 1, 1, null, null]);
    expect(today!.openCounters[23]).toBeNull();

    // later the same day, with no new event: the rollup follows the clock
    now = T('2026-03-03T14:30:00Z');
    const [later] = await store.rollups('2026-03-03', '2026-03-03');
    // 14:00-14:30 has passed, with the counter open all of it
    expect(later!.openCounters.slice(11, 16)).toEqual([1, 1, 1, 1, null]);
  });
});
