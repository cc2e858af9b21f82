import { describe, expect, it } from 'vitest';
import type { StoreEvent } from '../queue/events.ts';
import { portableLog } from '../portable/from-store.ts';
import { ev } from '../testing/store.ts';
import { WaitEstimator } from './estimator.ts';
import { StoreEventFeed } from './feed.ts';
import { DAY0 } from './testing.ts';

const at = (min: number): number => DAY0 + min * 60_000;

/** A morning at one counter: a ticket every 2 minutes, each served for 3. */
function morning(): StoreEvent[] {
  const out: StoreEvent[] = [
    ev('clerk', 1, at(0), { type: 'counter.opened', counter: 'c1', services: ['advice'] }),
  ];
  let clerkSeq = 2;
  for (let i = 0; i < 20; i++) {
    const ticket = `t${i}`;
    out.push(
      ev('kiosk', i + 1, at(2 * i) + 1, {
        type: 'ticket.issued',
        ticket,
        service: 'advice',
        number: `A${i}`,
        n: i,
      }),
    );
    out.push(
      ev('clerk', clerkSeq++, at(3 * i) + 2, { type: 'ticket.called', ticket, counter: 'c1' }),
    );
    out.push(
      ev('clerk', clerkSeq++, at(3 * i + 3), { type: 'ticket.completed', ticket, counter: 'c1' }),
    );
  }
  return out;
}

const estimate = (est: WaitEstimator) => est.estimateNew('advice', at(61));

describe('StoreEventFeed', () => {
  it('observes each event once, in log order, whatever the batches', () => {
    const events = morning();
    const direct = new WaitEstimator({ serviceSec: { advice: 240 } });
    for (const e of portableLog(events)) direct.observe(e);

    const feed = new StoreEventFeed(new WaitEstimator({ serviceSec: { advice: 240 } }));
    const shuffled = [...events].reverse();
    feed.push(shuffled.slice(0, 30));
    feed.push(events); // everything again: the first 30 are duplicates
    expect(feed.pending).toBe(events.length);
    while (feed.drain(7) > 0);
    expect(feed.observed).toBe(events.length);
    feed.push(events.slice(5, 10)); // a resend
    expect(feed.pending).toBe(0);
    expect(estimate(feed.estimator)).toEqual(estimate(direct));
  });

  it('skips events that teach nothing (visits, alerts)', () => {
    const feed = new StoreEventFeed(new WaitEstimator());
    feed.push([
      ev('clerk', 1, at(0), { type: 'alert.raised', alert: 'a1', kind: 'manager' }),
      ev('clerk', 2, at(1), { type: 'counter.opened', counter: 'c1', services: ['advice'] }),
    ]);
    feed.drain();
    expect(feed.observed).toBe(1);
  });
});
