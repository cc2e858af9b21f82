import { describe, expect, it } from 'vitest';
import { decodeRollup } from '../reports/encode.ts';
import {
  DAY,
  NEXT_DAY,
  at,
  call,
  complete,
  issue,
  logBuilder,
  rollup,
} from '../reports/testing.ts';
import {
  buildRollupRecord,
  readRollupRecord,
  startOfStoreDay,
  supersedes,
} from './rollup-record.ts';

const closedDayNow = Date.parse('2026-04-01T00:00:00Z');

describe('a store-day rollup record', () => {
  const e = logBuilder();
  const day = [
    e('kiosk', at('09:00'), issue('t1')),
    e('clerk', at('09:05'), call('t1')),
    e('clerk', at('09:10'), complete('t1')),
    e('kiosk', at('23:50'), issue('t2')),
    e('clerk', at('10:00'), { type: 'alert.raised', alert: 'a1', kind: 'manager', counter: 'c1' }),
    e('clerk', at('10:02'), { type: 'alert.acknowledged', alert: 'a1' }),
    e('clerk', at('11:00'), { type: 'alert.raised', alert: 'a2', kind: 'manager', reason: 'help' }),
  ];
  const next = [e('clerk', at('00:10', NEXT_DAY), call('t2'))];
  const input = {
    store: 's',
    day: DAY,
    timeZone: 'UTC',
    events: day,
    nextDay: () => Promise.resolve(next),
    asOf: 42,
    now: closedDayNow,
  };

  it('holds the hub’s own rollup, finished with the next day when a ticket spans midnight', async () => {
    const record = await buildRollupRecord(input);
    expect(decodeRollup(record.rollup, DAY)).toEqual(rollup(day, next));
    expect(record.events).toBe(day.length);
    expect(record.lastEventAt).toBe(at('23:50'));
    expect(record.alerts).toEqual([
      { alert: 'a1', at: at('10:00'), counter: 'c1', acknowledged: true },
      { alert: 'a2', at: at('11:00'), reason: 'help', acknowledged: false },
    ]);
  });

  it('is the same whatever order the events come in', async () => {
    const a = await buildRollupRecord(input);
    const b = await buildRollupRecord({ ...input, events: [...day].reverse() });
    expect(b).toEqual(a);
  });

  it('reads back from JSON, and refuses a damaged one', async () => {
    const record = await buildRollupRecord(input);
    const back = readRollupRecord(JSON.parse(JSON.stringify(record)));
    expect(back?.record).toEqual(record);
    expect(readRollupRecord({ ...record, rollup: { ...record.rollup, v: 0 } })).toBeUndefined();
    expect(readRollupRecord({ store: 's' })).toBeUndefined();
  });

  it('lets the build that read further win', () => {
    const stored = { asOf: 10 } as Parameters<typeof supersedes>[1];
    expect(supersedes({ asOf: 11 }, stored)).toBe(true);
    expect(supersedes({ asOf: 10 }, stored)).toBe(true);
    expect(supersedes({ asOf: 9 }, stored)).toBe(false);
    expect(supersedes({ asOf: 1 }, undefined)).toBe(true);
  });

  it('starts a store day at its local midnight', () => {
    expect(startOfStoreDay('2026-12-06', 'Europe/Warsaw')).toBe(Date.parse('2026-12-05T23:00:00Z'));
    expect(startOfStoreDay('2026-12-06', 'Pacific/Auckland')).toBe(
      Date.parse('2026-12-05T11:00:00Z'),
    );
  });
});
