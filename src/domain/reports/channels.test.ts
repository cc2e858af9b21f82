import { describe, expect, it } from 'vitest';
import { decodeRollup, encodeRollup, type EncodedRollup } from './encode.ts';
import { queueReport } from './query.ts';
import { reportCsv } from './request.ts';
import {
  at,
  call,
  checkIn,
  complete,
  DAY,
  issue,
  logBuilder,
  noShow,
  phoneIssue,
  rollup,
} from './testing.ts';

/**
 * Reports split by channel (issue "Customers before they arrive", part 6): where tickets came
 * from, how long each channel waited, its no-shows, and how long phone customers took from
 * their ticket to checking in at the store.
 */
function mixedDay() {
  const ev = logBuilder();
  return rollup([
    ev('k', at('09:00'), issue('k1')),
    ev('tab', at('09:04'), call('k1')),
    ev('tab', at('09:10'), complete('k1')),
    // a phone customer checks in 20 min after joining, is called 2 min later and served
    ev('hub', at('09:00'), phoneIssue('p1')),
    ev('hub', at('09:20'), checkIn('p1')),
    ev('tab', at('09:22'), call('p1')),
    ev('tab', at('09:30'), complete('p1')),
    // one checks in after 10 min and does not come to the counter
    ev('hub', at('09:05'), phoneIssue('p2')),
    ev('hub', at('09:15'), checkIn('p2')),
    ev('tab', at('09:31'), call('p2')),
    ev('tab', at('09:33'), noShow('p2')),
    // one never arrives: the store drops it after the grace time
    ev('hub', at('09:06'), phoneIssue('p3')),
    ev('hub', at('09:36'), { type: 'ticket.cancelled', ticket: 'p3', reason: 'noCheckIn' }),
  ]);
}

const targets = { targetSec: { A: 600 }, defaultTargetSec: 600 };

describe('reports by channel', () => {
  it('records each ticket’s channel and its time from issue to check-in', () => {
    const byTicket = mixedDay().tickets.map((t) => [t.channel, t.checkInSec]);
    expect(byTicket).toEqual([
      ['kiosk', null],
      ['phone', 1200],
      ['phone', 600],
      ['phone', null],
    ]);
  });

  it('splits arrivals, waits, no-shows and check-in times by channel', () => {
    const r = queueReport([mixedDay()], { by: 'channel', ...targets });
    expect(r.rows.map((x) => x.key)).toEqual(['kiosk', 'phone']);
    const [kiosk, phone] = r.rows;
    expect(kiosk).toMatchObject({ arrivals: 1, served: 1, noShows: 0, meanWaitSec: 240 });
    expect(kiosk).toMatchObject({ checkedIn: 0, medianCheckInSec: null });
    expect(phone).toMatchObject({ arrivals: 3, served: 1, noShows: 1, called: 2 });
    // waits count from the ticket, as the customer's phone showed them: 22 and 26 minutes
    expect(phone).toMatchObject({ meanWaitSec: 1440, p90WaitSec: 1560 });
    expect(phone).toMatchObject({ checkedIn: 2, medianCheckInSec: 600, p90CheckInSec: 1200 });
    expect(r.total).toMatchObject({ arrivals: 4, checkedIn: 2 });
  });

  it('keeps channel and check-in through the disk cache and into the CSV', () => {
    const day = mixedDay();
    const back = decodeRollup(JSON.parse(JSON.stringify(encodeRollup(day))) as EncodedRollup, DAY);
    expect(back).toEqual(day);
    const csv = reportCsv(queueReport([day], { by: 'channel', ...targets })).split(/\r?\n/);
    expect(csv[0]).toMatch(/^channel,arrivals,.*,checkedIn,medianCheckInSec,p90CheckInSec$/);
    expect(csv[2]).toMatch(/^phone,3,2,1,1,/);
  });

  it('reads logs without channels (older hubs, kiosks) as kiosk tickets', () => {
    const ev = logBuilder();
    const r = queueReport([rollup([ev('k', at('09:00'), issue('t1'))])], {
      by: 'channel',
      ...targets,
    });
    expect(r.rows.map((x) => [x.key, x.arrivals])).toEqual([['kiosk', 1]]);
  });
});
