import { describe, expect, it } from 'vitest';
import { at, call, complete, issue, logBuilder, rollup, DAY } from '../reports/testing.ts';
import { encodeRollup } from '../reports/encode.ts';
import {
  LINK_FRESH_MS,
  arrangeRows,
  linkState,
  regionsOf,
  storeRow,
  type LiveLink,
  type StoreRow,
} from './chain-board.ts';

const now = at('12:00');
const link = (over: Partial<LiveLink> = {}): LiveLink => ({
  connected: true,
  waiting: 0,
  lastAckAt: now - 1000,
  lastEventAt: now - 5000,
  at: now - 1000,
  ...over,
});

describe('the chain board', () => {
  it('calls a store connected only while its last link report is fresh', () => {
    expect(linkState(link(), now)).toBe('connected');
    expect(linkState(link({ at: now - LINK_FRESH_MS }), now)).toBe('disconnected');
    expect(linkState(link({ connected: false }), now)).toBe('disconnected');
    expect(linkState(undefined, now)).toBe('unknown');
  });

  it("shows today's figures from the day's rollup and the live figures beside them", () => {
    const e = logBuilder();
    const events = [
      e('kiosk', at('09:00'), issue('t1')),
      e('clerk', at('09:05'), call('t1')),
      e('clerk', at('09:10'), complete('t1')),
      e('kiosk', at('09:20'), issue('t2')),
      e('clerk', at('09:50'), call('t2')),
    ];
    const r = rollup(events);
    const row = storeRow({
      info: { id: 's', name: 'S', region: 'North', timeZone: 'UTC' },
      link: link({ waiting: 7, lastEventAt: at('11:00') }),
      waits: [
        {
          service: 'B',
          waiting: 2,
          estimateSec: 60,
          openCounters: 1,
          noCounter: false,
          longestWaitSec: 30,
        },
        {
          service: 'A',
          waiting: 3,
          estimateSec: 60,
          openCounters: 1,
          noCounter: false,
          longestWaitSec: 30,
        },
      ],
      today: {
        record: {
          store: 's',
          day: DAY,
          asOf: 1,
          events: events.length,
          lastEventAt: at('09:50'),
          alerts: [{ alert: 'a', at: at('10:00'), acknowledged: false }],
          rollup: encodeRollup(r),
        },
        rollup: r,
      },
      todayKey: DAY,
      now,
    });
    expect(row.link).toEqual({
      state: 'connected',
      reportAt: now - 1000,
      lastEventAt: at('11:00'),
      behind: 7,
    });
    expect(row.waits.map((w) => w.service)).toEqual(['A', 'B']);
    expect(row.waiting).toBe(5);
    // t1 called after 5 min, t2 after 30 (target 10): one of two within target
    expect(row.today).toMatchObject({ arrivals: 2, served: 1, serviceLevel: 50, events: 5 });
    expect(row.alerts).toHaveLength(1);
  });

  it('filters by region and sorts, ties by region then name', () => {
    const row = (id: string, region: string, waiting: number, sl: number | null): StoreRow =>
      ({
        id,
        name: id.toUpperCase(),
        region,
        waiting,
        alerts: [],
        today: { serviceLevel: sl },
      }) as unknown as StoreRow;
    const rows = [row('b', 'South', 1, 90), row('a', 'North', 5, null), row('c', 'North', 5, 40)];
    expect(arrangeRows(rows, 'region').map((r) => r.id)).toEqual(['a', 'c', 'b']);
    expect(arrangeRows(rows, 'waiting').map((r) => r.id)).toEqual(['a', 'c', 'b']);
    expect(arrangeRows(rows, 'serviceLevel').map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(arrangeRows(rows, 'name', 'North').map((r) => r.id)).toEqual(['a', 'c']);
    expect(regionsOf(rows)).toEqual(['North', 'South']);
  });
});
