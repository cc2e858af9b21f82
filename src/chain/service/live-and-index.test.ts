import { describe, expect, it } from 'vitest';
import { buildRollupRecord } from '../../domain/chain/rollup-record.ts';
import { DAY, at, issue, logBuilder } from '../../domain/reports/testing.ts';
import { readLink, readWait } from './live-view.ts';
import { RollupIndex, rollupKey } from './rollup-bucket.ts';

describe("what the service reads of a store's live figures", () => {
  it('takes the link report and wait payload it knows, and nothing else', () => {
    expect(
      readLink({ connected: true, waiting: 3, lastAckAt: 5, lastEventAt: null, at: 9 }),
    ).toEqual({ connected: true, waiting: 3, lastAckAt: 5, lastEventAt: null, at: 9 });
    expect(readLink({ connected: 'yes' })).toBeUndefined();
    expect(readLink(null)).toBeUndefined();
    expect(readWait({ service: 'A', waiting: 2, estimateSec: 300, openCounters: 1 })).toEqual({
      service: 'A',
      waiting: 2,
      estimateSec: 300,
      openCounters: 1,
      noCounter: false,
      longestWaitSec: null,
    });
    expect(readWait({ waiting: 2 })).toBeUndefined();
  });
});

describe('the rollup index', () => {
  it('keeps the latest record per store-day and forgets a deleted one', async () => {
    const e = logBuilder();
    const record = await buildRollupRecord({
      store: 'n1',
      day: DAY,
      timeZone: 'UTC',
      events: [e('kiosk', at('09:00'), issue('t1'))],
      nextDay: () => Promise.resolve([]),
      asOf: 3,
      now: Date.parse('2027-01-01T00:00:00Z'),
    });
    const index = new RollupIndex();
    let changes = 0;
    index.subscribe(() => changes++);
    index.apply(rollupKey('n1', DAY), new TextEncoder().encode(JSON.stringify(record)));
    expect(index.stores()).toEqual(['n1']);
    expect(index.days('n1')).toEqual([DAY]);
    expect(index.get('n1', DAY)?.rollup.tickets).toHaveLength(1);
    index.apply(rollupKey('n1', DAY), undefined);
    expect(index.get('n1', DAY)).toBeUndefined();
    expect(changes).toBe(2);
  });
});
