import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventBody } from '../queue/events.ts';
import { accuracyReport, COVERAGE_ALERT_MIN_JUDGED } from './accuracy.ts';
import { decodeRollup, encodeRollup, type EncodedRollup } from './encode.ts';
import { parseReportRequest, reportCsv, runReport } from './request.ts';
import { at, call, cancel, DAY, issue, logBuilder, rollup } from './testing.ts';

const promisedIssue = (ticket: string, sec: number, low: number, high: number): EventBody => ({
  type: 'ticket.issued',
  ticket,
  service: 'A',
  number: ticket.toUpperCase(),
  n: 1,
  promised: { sec, low, high },
});

describe('the accuracy audit', () => {
  it('holds each promise against the wait that happened', () => {
    const ev = logBuilder();
    const day = rollup([
      // told 5 min (2-10), waited 4: inside, 60 s shorter than promised
      ev('k', at('09:00'), promisedIssue('a', 300, 120, 600)),
      ev('c', at('09:04'), call('a')),
      // told 5 min (2-10), waited 15: longer than the range
      ev('k', at('09:10'), promisedIssue('b', 300, 120, 600)),
      ev('c', at('09:25'), call('b')),
      // told 10 min (8-12), called at once: shorter than the range
      ev('k', at('10:00'), promisedIssue('c', 600, 480, 720)),
      ev('c', at('10:00:30'), call('c')),
      // told 2 min (1-3), gave up after 5: the range broke though the wait is unknown
      ev('k', at('10:10'), promisedIssue('d', 120, 60, 180)),
      ev('k', at('10:15'), cancel('d')),
      // told 10 min, left after 1: not judged
      ev('k', at('10:20'), promisedIssue('e', 600, 300, 900)),
      ev('k', at('10:21'), cancel('e')),
      // no number shown (no counter open): no promise
      ev('k', at('10:30'), issue('f')),
      ev('c', at('10:40'), call('f')),
    ]);
    const report = accuracyReport([day], 'hour');
    expect(report.rows.map((r) => r.key)).toEqual(['9', '10']);
    expect(report.rows[0]).toMatchObject({
      tickets: 2,
      promised: 2,
      judged: 2,
      meanErrorSec: (240 - 300 + 900 - 300) / 2,
      insideRange: 50,
      longerThanRange: 50,
    });
    expect(report.total).toMatchObject({
      tickets: 6,
      promised: 5,
      judged: 4,
      meanPromisedSec: Math.round((300 + 300 + 600) / 3),
      meanWaitSec: Math.round((240 + 900 + 30) / 3),
      meanErrorSec: Math.round((-60 + 600 - 570) / 3),
      meanAbsErrorSec: Math.round((60 + 600 + 570) / 3),
      insideRange: 25,
      longerThanRange: 50,
      shorterThanRange: 25,
    });
    // too few judged promises to call the day poor
    expect(report.lowCoverageDays).toEqual([]);
  });

  it('flags a day whose ranges held for under 60% of enough waits', () => {
    const ev = logBuilder();
    const n = COVERAGE_ALERT_MIN_JUDGED;
    const events = [];
    for (let i = 0; i < n; i++) {
      const t = `t${i}`;
      events.push(ev('k', at('09:00') + i * 60_000, promisedIssue(t, 300, 120, 600)));
      // 11 of 20 wait 15 minutes: 45% inside
      events.push(ev('c', at('09:00') + i * 60_000 + (i < 11 ? 900_000 : 240_000), call(t)));
    }
    const report = accuracyReport([rollup(events)], 'day');
    expect(report.lowCoverageDays).toEqual([{ day: DAY, insideRange: 45, judged: n }]);
    expect(report.rows).toEqual([expect.objectContaining({ key: DAY, insideRange: 45 })]);
  });

  it('is served by the report request, as JSON and CSV, filtered by service only', () => {
    const ev = logBuilder();
    const day = rollup([
      ev('k', at('09:00'), promisedIssue('a', 300, 120, 600)),
      ev('c', at('09:04'), call('a')),
    ]);
    const q = (s: string) => new URLSearchParams(s);
    const parsed = parseReportRequest('accuracy', q(`from=${DAY}&to=${DAY}&by=service`), DAY);
    if (!parsed.ok) throw new Error(parsed.error);
    const report = runReport(parsed.value, [day], { services: [] });
    expect(reportCsv(report).split('\r\n').slice(0, 2)).toEqual([
      'service,tickets,promised,judged,meanPromisedSec,meanWaitSec,meanErrorSec,meanAbsErrorSec,insideRange,longerThanRange,shorterThanRange',
      'A,1,1,1,300,240,-60,60,100,0,0',
    ]);
    expect(parseReportRequest('accuracy', q('counter=c1'), DAY)).toEqual({
      ok: false,
      error: 'the accuracy report filters by service only',
    });
    expect(parseReportRequest('accuracy', q('by=clerk'), DAY)).toMatchObject({ ok: false });
  });

  it('survives the hub cache: a promise and its absence come back from the encoded rollup', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.nat({ max: 3600 }), { nil: undefined }), { maxLength: 20 }),
        (secs) => {
          const ev = logBuilder();
          const events = secs.flatMap((sec, i) => {
            const body =
              sec === undefined ? issue(`t${i}`) : promisedIssue(`t${i}`, sec, sec >> 1, sec * 2);
            return [ev('k', at('09:00') + i * 1000, body)];
          });
          const day = rollup(events);
          const back = decodeRollup(
            JSON.parse(JSON.stringify(encodeRollup(day))) as EncodedRollup,
            DAY,
          );
          expect(back).toEqual(day);
        },
      ),
    );
  });
});
