import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import fc from 'fast-check';
import { nearestRank, npsScore, Tally } from './metrics.ts';
import { buildDayRollup } from './facts.ts';
import { decodeRollup, encodeRollup } from './encode.ts';
import { feedbackReport, queueReport, stepReport } from './query.ts';
import { parseReportRequest, reportCsv, runReport } from './request.ts';
import {
  at,
  call,
  cancel,
  complete,
  DAY,
  issue,
  logBuilder,
  NEXT_DAY,
  noShow,
  rollup,
} from './testing.ts';

const targets = { targetSec: { A: 300 }, defaultTargetSec: 600 };

/** Four customers on one day, figures worked out by hand in the comments. */
function smallDay() {
  const ev = logBuilder();
  return rollup([
    // t1: waits 120 s (within 300), served in 300 s
    ev('k', at('09:00'), issue('t1')),
    ev('tab', at('09:02'), call('t1')),
    ev('tab', at('09:07'), complete('t1')),
    // t2: waits 600 s (miss), no-show
    ev('k', at('09:10'), issue('t2')),
    ev('tab', at('09:20'), call('t2')),
    ev('tab', at('09:21'), noShow('t2')),
    // t3: leaves after 720 s, past the target: abandonment and a miss
    ev('k', at('10:00'), issue('t3')),
    ev('k', at('10:12'), cancel('t3')),
    // t4: leaves after 60 s, before the target: abandonment, not in the service level
    ev('k', at('10:05'), issue('t4')),
    ev('k', at('10:06'), cancel('t4')),
  ]);
}

describe('metrics', () => {
  it('p90 is the nearest rank: sorted[ceil(0.9 n) - 1]', () => {
    expect(nearestRank([], 90)).toBeUndefined();
    expect(nearestRank([42], 90)).toBe(42);
    expect(nearestRank([120, 600], 90)).toBe(600);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
    expect(
      nearestRank(
        Array.from({ length: 20 }, (_, i) => i + 1),
        90,
      ),
    ).toBe(18);
  });

  it('a tally gives exactly the nearest-rank percentile, mean and max of its values', () => {
    fc.assert(
      fc.property(
        // small tallies sort, large ones (whole seconds) count: both must agree with the definition
        fc.oneof(
          fc.array(fc.nat(5000), { maxLength: 300 }),
          fc.array(fc.nat(3000), { minLength: 2048, maxLength: 4000 }),
          fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { maxLength: 50 }),
        ),
        fc.integer({ min: 1, max: 100 }),
        (values, p) => {
          const t = new Tally();
          for (const v of values) t.add(v);
          const sorted = [...values].sort((a, b) => a - b);
          expect(t.percentile(p)).toBe(nearestRank(sorted, p));
          expect(t.max()).toBe(sorted.at(-1));
          expect(t.n).toBe(values.length);
          expect(t.sum).toBe(values.reduce((a, b) => a + b, 0));
        },
      ),
    );
  });

  it('NPS: promoters minus detractors over all answers, in percent', () => {
    expect(npsScore({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
    expect(npsScore({ promoters: 5, passives: 3, detractors: 2 })).toBe(30);
    expect(npsScore({ promoters: 0, passives: 0, detractors: 4 })).toBe(-100);
  });
});

describe('queue report', () => {
  it('counts tickets the store ended (closing, no check-in) apart from customers who left', () => {
    const ev = logBuilder();
    const day = rollup([
      ev('k', at('09:00'), issue('t1')),
      ev('k', at('09:05'), cancel('t1')),
      ev('k', at('09:10'), issue('t2')),
      ev('agent-s', at('09:40'), { type: 'ticket.cancelled', ticket: 't2', reason: 'noCheckIn' }),
      ev('k', at('17:50'), issue('t3')),
      ev('agent-s', at('18:00'), { type: 'ticket.cancelled', ticket: 't3', reason: 'closed' }),
    ]);
    const r = queueReport([day], { by: 'day', ...targets });
    expect(r.total).toMatchObject({ arrivals: 3, left: 1, closed: 1, noCheckIn: 1, open: 0 });
    expect(r.total.abandonment).toBe(33.3);
    // the cache keeps the new outcomes
    expect(decodeRollup(encodeRollup(day), day.day)).toEqual(day);
  });

  it('a small day by hand', () => {
    const r = queueReport([smallDay()], { by: 'day', ...targets });
    expect(r.rows).toEqual([r.total].map((t) => ({ ...t, key: '2026-03-02' })));
    expect(r.total).toEqual({
      key: 'total',
      arrivals: 4,
      called: 2,
      served: 1,
      noShows: 1,
      left: 2,
      closed: 0,
      noCheckIn: 0,
      open: 0,
      meanWaitSec: 360,
      p90WaitSec: 600,
      maxWaitSec: 600,
      meanServiceSec: 300,
      p90ServiceSec: 300,
      // hits 1 (t1) of base 3 (t1, t2, t3)
      serviceLevel: 33.3,
      slHits: 1,
      slBase: 3,
      abandonment: 50,
      noShowRate: 50,
      checkedIn: 0,
      medianCheckInSec: null,
      p90CheckInSec: null,
    });
  });

  it('by hour, with the counters that were open, averaged over the days with data only', () => {
    const ev = logBuilder();
    const day = rollup([
      ev('tab', at('09:00'), { type: 'counter.opened', counter: 'c1', services: ['A'] }),
      ev('tab', at('11:30'), { type: 'counter.closed', counter: 'c1' }),
      ev('k', at('09:10'), issue('a')),
      ev('k', at('09:20'), issue('b')),
      ev('k', at('10:10'), issue('c')),
    ]);
    // the next day the store stayed closed: no data, not a day with no counter open
    const r = queueReport([day, rollup([], [], NEXT_DAY)], { by: 'hour', ...targets });
    expect(r.rows.map((row) => [row.key, row.arrivals, row.openCounters])).toEqual([
      ['9', 2, 1],
      ['10', 1, 1],
      ['11', 0, 0.5],
    ]);
  });

  it('counters open: a day with data and no counter in an hour counts as 0 for that hour', () => {
    const ev = logBuilder();
    const open = (from: string, to: string, day = DAY) => [
      ev('tab', at(from, day), { type: 'counter.opened', counter: 'c1', services: ['A'] }),
      ev('tab', at(to, day), { type: 'counter.closed', counter: 'c1' }),
    ];
    const monday = rollup(open('09:00', '11:00'));
    const tuesday = rollup(open('10:00', '11:00', NEXT_DAY), [], NEXT_DAY);
    const r = queueReport([monday, tuesday], { by: 'hour', ...targets });
    expect(r.rows.map((row) => [row.key, row.openCounters])).toEqual([
      ['9', 0.5],
      ['10', 1],
    ]);
  });

  it('counters open today: only the hours that have begun, and an open counter until now', () => {
    const ev = logBuilder();
    const yesterday = rollup([
      ev('tab', at('09:00'), { type: 'counter.opened', counter: 'c1', services: ['A'] }),
      ev('tab', at('17:00'), { type: 'counter.closed', counter: 'c1' }),
    ]);
    // today at 10:30 two counters are open, opened at 09:00 and 10:00
    const start = Date.parse(`${NEXT_DAY}T00:00:00Z`);
    const today = buildDayRollup(
      [
        ev('tab', at('09:00', NEXT_DAY), {
          type: 'counter.opened',
          counter: 'c1',
          services: ['A'],
        }),
        ev('tab2', at('10:00', NEXT_DAY), {
          type: 'counter.opened',
          counter: 'c2',
          services: ['A'],
        }),
      ],
      [],
      {
        day: NEXT_DAY,
        timeZone: 'UTC',
        dayStart: start,
        dayEnd: start + 86_400_000,
        until: at('10:30', NEXT_DAY),
      },
    );
    expect(today.openCounters.slice(8, 12)).toEqual([0, 1, 2, null]);
    expect(today.openCounters[23]).toBeNull();
    const r = queueReport([yesterday, today], { by: 'hour', ...targets });
    const hours = Object.fromEntries(r.rows.map((row) => [row.key, row.openCounters]));
    // 9: 1 both days; 10: 1 yesterday, 2 today so far; from 11 on, yesterday alone
    expect(hours).toEqual({
      '9': 1,
      '10': 1.5,
      '11': 1,
      '12': 1,
      '13': 1,
      '14': 1,
      '15': 1,
      '16': 1,
    });
  });

  it('an empty day gives a row of zeros and no averages', () => {
    const r = queueReport([rollup([])], { by: 'day', ...targets });
    expect(r.rows[0]).toMatchObject({
      key: '2026-03-02',
      arrivals: 0,
      meanWaitSec: null,
      p90WaitSec: null,
      serviceLevel: null,
      abandonment: null,
    });
  });

  it('all no-shows: no-show rate 100%, no service time', () => {
    const ev = logBuilder();
    const day = rollup(
      ['a', 'b'].flatMap((t) => [
        ev('k', at('09:00'), issue(t)),
        ev('tab', at('09:04'), call(t)),
        ev('tab', at('09:05'), noShow(t)),
      ]),
    );
    const r = queueReport([day], { by: 'service', ...targets });
    expect(r.rows[0]).toMatchObject({
      key: 'A',
      served: 0,
      noShows: 2,
      noShowRate: 100,
      meanServiceSec: null,
      serviceLevel: 100,
    });
  });

  it('merges days exactly and groups by clerk (called tickets only), with filters', () => {
    const ev = logBuilder();
    const d1 = smallDay();
    const d2 = rollup(
      [
        ev('k', at('09:00', NEXT_DAY), issue('x', 'B')),
        ev('tab2', at('09:15', NEXT_DAY), call('x', 'c2')),
        ev('tab2', at('09:16', NEXT_DAY), complete('x', 'c2')),
      ],
      [],
      NEXT_DAY,
    );
    const r = queueReport([d1, d2], { by: 'clerk', ...targets });
    expect(r.rows.map((row) => [row.key, row.called, row.meanWaitSec])).toEqual([
      ['tab', 2, 360],
      ['tab2', 1, 900],
    ]);
    // B has no target configured: the default 600 s makes 900 s a miss
    expect(r.total).toMatchObject({
      arrivals: 5,
      called: 3,
      p90WaitSec: 900,
      slHits: 1,
      slBase: 4,
    });
    const onlyB = queueReport([d1, d2], { by: 'day', filter: { service: 'B' }, ...targets });
    expect(onlyB.rows.map((row) => [row.key, row.arrivals])).toEqual([
      ['2026-03-02', 0],
      ['2026-03-03', 1],
    ]);
  });
});

describe('visit reports', () => {
  function visits() {
    const ev = logBuilder();
    const step = (v: string, clerk: string, n: number, s: string, clock: string) =>
      ev(clerk, at(clock), {
        type: 'visit.step',
        visit: v,
        clerk,
        step: s as 'greeting',
        n,
        at: at(clock),
      });
    const fb = (v: string, clerk: string, satisfaction: 'good' | 'neutral' | 'bad', nps?: number) =>
      ev(clerk, at('12:00'), {
        type: 'visit.feedback',
        visit: v,
        clerk,
        satisfaction,
        ...(nps !== undefined ? { nps } : {}),
      });
    return rollup([
      step('v1', 'ann', 1, 'greeting', '10:00'),
      step('v1', 'ann', 2, 'thanking', '10:02'),
      step('v1', 'ann', 3, 'done', '10:03'),
      fb('v1', 'ann', 'good', 10),
      step('v2', 'bob', 1, 'greeting', '10:00'),
      step('v2', 'bob', 2, 'thanking', '10:04'),
      step('v2', 'bob', 3, 'done', '10:04:30'),
      fb('v2', 'bob', 'bad', 3),
      step('v3', 'bob', 1, 'greeting', '11:00'),
      step('v3', 'bob', 2, 'done', '11:10'),
      fb('v3', 'bob', 'neutral'),
    ]);
  }

  it('time in each step', () => {
    const r = stepReport([visits()], 'all');
    expect(r.visits).toBe(3);
    expect(r.rows).toEqual([
      // greeting: 120, 240, 600 -> mean 320, p90 rank ceil(2.7) = 3 -> 600
      { key: 'all', step: 'greeting', visits: 3, meanSec: 320, p90Sec: 600, totalSec: 960 },
      { key: 'all', step: 'thanking', visits: 2, meanSec: 45, p90Sec: 60, totalSec: 90 },
    ]);
  });

  it('satisfaction shares and NPS, total and by clerk', () => {
    const r = feedbackReport([visits()], 'clerk');
    expect(r.total).toMatchObject({
      responses: 3,
      good: 1,
      neutral: 1,
      bad: 1,
      goodShare: 33.3,
      npsAnswers: 2,
      promoters: 1,
      detractors: 1,
      nps: 0,
    });
    expect(r.rows.map((row) => [row.key, row.responses, row.nps])).toEqual([
      ['ann', 1, 100],
      ['bob', 2, -100],
    ]);
  });
});

describe('report requests and CSV', () => {
  const q = (s: string) => new URLSearchParams(s);

  it('names the wrong parameter', () => {
    expect(parseReportRequest('queue', q('from=2026-13-01'), '2026-03-02')).toEqual({
      ok: false,
      error: 'from: not a day (YYYY-MM-DD): 2026-13-01',
    });
    expect(parseReportRequest('queue', q('by=week'), '2026-03-02')).toMatchObject({ ok: false });
    expect(parseReportRequest('pies', q(''), '2026-03-02')).toMatchObject({ ok: false });
    expect(
      parseReportRequest('queue', q('from=2026-03-05&to=2026-03-01'), '2026-03-02'),
    ).toMatchObject({ ok: false, error: 'from (2026-03-05) is after to (2026-03-01)' });
    expect(parseReportRequest('feedback', q('service=A'), '2026-03-02')).toEqual({
      ok: true,
      value: {
        kind: 'feedback',
        from: '2026-03-02',
        to: '2026-03-02',
        by: 'all',
        filter: { service: 'A' },
      },
    });
  });

  it('CSV has a header, the rows and the total, and reads back', () => {
    const req = parseReportRequest('queue', q('by=day'), '2026-03-02');
    if (!req.ok) throw new Error(req.error);
    const report = runReport(req.value, [smallDay()], {
      services: [{ id: 'A', targetWaitSec: 300 } as never],
    });
    const rows = parseCsv(reportCsv(report));
    expect(rows[0]!.slice(0, 4)).toEqual(['day', 'arrivals', 'called', 'served']);
    expect(rows[1]!.slice(0, 4)).toEqual(['2026-03-02', '4', '2', '1']);
    expect(rows[2]![0]).toBe('total');
    expect(rows).toHaveLength(3);
  });

  it('CSV quotes and defuses formulas', () => {
    expect(
      parseCsv(
        reportCsv({
          kind: 'steps',
          by: 'clerk',
          days: 1,
          visits: 1,
          rows: [
            { key: '=cmd,"x"', step: 'greeting', visits: 1, meanSec: 1, p90Sec: 1, totalSec: 1 },
          ],
        }),
      )[1]![0],
    ).toBe(`'=cmd,"x"`);
  });
});
