import { describe, expect, it } from 'vitest';
import { parseCsv } from '../reports/csv.ts';
import { queueReport } from '../reports/query.ts';
import {
  at,
  call,
  complete,
  issue,
  logBuilder,
  noShow,
  rollup,
  DAY,
  NEXT_DAY,
} from '../reports/testing.ts';
import { chainHistory, chainHistoryCsv } from './chain-history.ts';

const e = logBuilder();
const day = (d: string, tickets: number, served: number) => {
  const events = [];
  for (let i = 0; i < tickets; i++) {
    const t = `${d}-t${i}`;
    events.push(e('kiosk', at(`09:${String(i).padStart(2, '0')}`, d), issue(t)));
    events.push(e('clerk', at(`10:${String(i).padStart(2, '0')}`, d), call(t)));
    events.push(
      e(
        'clerk',
        at(`10:${String(i).padStart(2, '0')}:30`, d),
        i < served ? complete(t) : noShow(t),
      ),
    );
  }
  return rollup(events, [], d);
};

describe('history across the chain', () => {
  const stores = [
    { store: 'n1', region: 'North', rollups: [day(DAY, 3, 2), day(NEXT_DAY, 2, 2)] },
    { store: 'n2', region: 'North', rollups: [day(DAY, 4, 4)] },
    { store: 's1', region: 'South', rollups: [day(NEXT_DAY, 1, 0)] },
  ];
  const range = { from: DAY, to: NEXT_DAY };

  it('groups by store, region or day, each figure what the queue report gives its rollups', () => {
    const byRegion = chainHistory(stores, 'region', range);
    expect(byRegion.rows.map((r) => [r.key, r.stores, r.arrivals, r.noShows])).toEqual([
      ['North', 2, 9, 1],
      ['South', 1, 1, 1],
    ]);
    const north = [...stores[0]!.rollups, ...stores[1]!.rollups];
    const want = queueReport(north, { by: 'day', targetSec: {}, defaultTargetSec: 600 }).total;
    expect(byRegion.rows[0]).toMatchObject({
      meanWaitSec: want.meanWaitSec,
      p90WaitSec: want.p90WaitSec,
      serviceLevel: want.serviceLevel,
    });
    expect(
      chainHistory(stores, 'day', range).rows.map((r) => [r.key, r.stores, r.arrivals]),
    ).toEqual([
      [DAY, 2, 7],
      [NEXT_DAY, 2, 3],
    ]);
    expect(chainHistory(stores, 'store', range).total.arrivals).toBe(10);
  });

  it('writes CSV with a total line', () => {
    const rows = parseCsv(chainHistoryCsv(chainHistory(stores, 'store', range)));
    expect(rows[0]?.slice(0, 4)).toEqual(['store', 'stores', 'days', 'arrivals']);
    expect(rows.slice(1).map((r) => [r[0], r[3]])).toEqual([
      ['n1', '5'],
      ['n2', '4'],
      ['s1', '1'],
      ['total', '10'],
    ]);
  });
});
