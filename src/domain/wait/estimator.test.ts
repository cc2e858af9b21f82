import { describe, expect, it } from 'vitest';
import { ev } from '../testing/store.ts';
import { fold } from '../queue/fold.ts';
import type { StoreEvent } from '../queue/events.ts';
import { simulate } from '../portable/engine.ts';
import { portableLog } from '../portable/from-store.ts';
import { replayEvents } from '../portable/replay.ts';
import type { PortableEvent } from '../portable/types.ts';
import { erlangQuantile } from './erlang.ts';
import { WaitEstimator } from './estimator.ts';
import {
  estimateForQueueState,
  estimateWaitWith,
  lineFromQueueState,
  publishedWait,
} from './queue-state.ts';
import { DAY0, mmsStore } from './testing.ts';

const at = (sec: number): number => DAY0 + sec * 1000;

function feed(est: WaitEstimator, events: PortableEvent[]): WaitEstimator {
  for (const e of events) est.observe(e);
  return est;
}

describe('WaitEstimator', () => {
  it('a free counter: called right away, range [0, 0]', () => {
    const est = feed(new WaitEstimator(), [
      { at: at(0), type: 'counter.opened', counter: 'c1', services: ['A'] },
    ]);
    expect(est.estimateNew('A', at(1))).toEqual({
      meanSec: 0,
      lowSec: 0,
      highSec: 0,
      ahead: 0,
      sameServiceAhead: 0,
      openCounters: 1,
      noCounter: false,
    });
  });

  it('without history: the configured mean and exponential times give the Erlang wait', () => {
    // One counter just called a customer, three wait: a newcomer waits Erlang(4, 1/300 s).
    const events: PortableEvent[] = [
      { at: at(0), type: 'counter.opened', counter: 'c1', services: ['A'] },
      ...[1, 2, 3, 4].map((i): PortableEvent => ({
        at: at(i),
        type: 'ticket.issued',
        ticket: `t${i}`,
        service: 'A',
      })),
      { at: at(10), type: 'ticket.called', ticket: 't1', counter: 'c1' },
    ];
    const est = feed(
      new WaitEstimator({ serviceSec: { A: 300 }, replications: { min: 4000, max: 4000 } }),
      events,
    );
    const e = est.estimateNew('A', at(10));
    expect(e.ahead).toBe(3);
    expect(e.meanSec).toBeGreaterThan(1200 * 0.95);
    expect(e.meanSec).toBeLessThan(1200 * 1.05);
    // no calibration data yet: the simulated 10% and 90% quantiles
    expect(e.lowSec / erlangQuantile(4, 1 / 300, 0.1)).toBeCloseTo(1, 1);
    expect(e.highSec / erlangQuantile(4, 1 / 300, 0.9)).toBeCloseTo(1, 1);
  });

  it('counters serving several services: tickets of the other service ahead count', () => {
    const base: PortableEvent[] = [
      { at: at(0), type: 'counter.opened', counter: 'c1', services: ['A', 'B'] },
      { at: at(1), type: 'ticket.issued', ticket: 'a1', service: 'A' },
      { at: at(1), type: 'ticket.called', ticket: 'a1', counter: 'c1' },
    ];
    const withB: PortableEvent[] = [
      ...base,
      { at: at(2), type: 'ticket.issued', ticket: 'b1', service: 'B' },
      { at: at(3), type: 'ticket.issued', ticket: 'b2', service: 'B' },
    ];
    const options = { serviceSec: { A: 300, B: 300 } };
    const alone = feed(new WaitEstimator(options), base).estimateNew('A', at(4));
    const behindB = feed(new WaitEstimator(options), withB).estimateNew('A', at(4));
    expect(alone.ahead).toBe(0);
    // the counter calls b1 and b2 first: they are ahead, not only the A tickets
    expect(behindB.ahead).toBe(2);
    expect(behindB.sameServiceAhead).toBe(0);
    expect(behindB.meanSec / alone.meanSec).toBeGreaterThan(2.5);
  });

  it('no open counter for the service: says so and assumes one opens now', () => {
    const est = feed(new WaitEstimator({ serviceSec: { A: 120 } }), [
      { at: at(0), type: 'counter.opened', counter: 'c1', services: ['B'] },
    ]);
    const e = est.estimateNew('A', at(1));
    expect(e.noCounter).toBe(true);
    expect(e.openCounters).toBe(0);
    expect(e.meanSec).toBe(0);
  });

  it('estimates are pure: asking twice gives the same answer and changes nothing', () => {
    const { customers, shifts } = mmsStore(7, 300, 2, 0.9);
    const events = simulate(customers, shifts).events;
    const est = feed(new WaitEstimator(), events.slice(0, 500));
    const now = events[499]!.at;
    const a = est.estimateNew('A', now);
    expect(est.estimateNew('A', now)).toEqual(a);
    const waiting = est.line.snapshot().waiting[0];
    if (waiting)
      expect(est.estimateTicket(waiting.ticket, now)).toEqual(
        est.estimateTicket(waiting.ticket, now),
      );
  });

  it('calibration sanity: M/M/2 at rho 0.85, 80% ranges cover about 80% of waits, no bias', () => {
    const { customers, shifts } = mmsStore(42, 6000, 2, 0.85);
    const results = replayEvents(simulate(customers, shifts).events, new WaitEstimator());
    const scored = results.slice(1000).filter((r) => r.actualSec !== null && r.actualSec > 0);
    const covered = scored.filter(
      (r) => r.actualSec! >= r.lowSec && r.actualSec! <= r.highSec,
    ).length;
    const coverage = covered / scored.length;
    expect(coverage).toBeGreaterThan(0.74);
    expect(coverage).toBeLessThan(0.86);
    const meanWait = scored.reduce((s, r) => s + r.actualSec!, 0) / scored.length;
    const bias = scored.reduce((s, r) => s + r.predictedSec - r.actualSec!, 0) / scored.length;
    expect(Math.abs(bias)).toBeLessThan(0.1 * meanWait);
    // RASE over delayed customers is about 1 - rho for the exact conditional mean
    const mse =
      scored.reduce((s, r) => s + (r.predictedSec - r.actualSec!) ** 2, 0) / scored.length;
    expect(mse / meanWait ** 2).toBeLessThan(0.25);
  });
});

describe('QueueState adapter', () => {
  const store: StoreEvent[] = [
    ev('clerk-1', 1, at(0), {
      type: 'counter.opened',
      counter: 'c1',
      services: ['advice', 'returns'],
    }),
    ev('kiosk-1', 1, at(1), {
      type: 'ticket.issued',
      ticket: 'k1',
      service: 'advice',
      number: 'A001',
      n: 1,
    }),
    ev('kiosk-1', 2, at(2), {
      type: 'ticket.issued',
      ticket: 'k2',
      service: 'returns',
      number: 'R002',
      n: 2,
    }),
    ev('kiosk-1', 3, at(3), {
      type: 'ticket.issued',
      ticket: 'k3',
      service: 'advice',
      number: 'A003',
      n: 3,
    }),
    ev('clerk-1', 2, at(5), { type: 'ticket.called', ticket: 'k1', counter: 'c1' }),
    ev('clerk-1', 3, at(8), { type: 'ticket.started', ticket: 'k1', counter: 'c1' }),
  ];

  it('gives the line the estimator would track itself', () => {
    const state = fold(store);
    const line = lineFromQueueState(state);
    expect(line.waiting.map((w) => [w.ticket, w.service])).toEqual([
      ['k2', 'returns'],
      ['k3', 'advice'],
    ]);
    expect(line.counters).toEqual([
      {
        id: 'c1',
        open: true,
        services: ['advice', 'returns'],
        busy: { ticket: 'k1', service: 'advice', key: 0, calledAt: at(5), started: true },
      },
    ]);
    const est = new WaitEstimator({ serviceSec: { advice: 240, returns: 180 } });
    for (const e of portableLog(store)) est.observe(e);
    expect(estimateForQueueState(est, state, 'advice', at(20))).toEqual(
      est.estimateNew('advice', at(20)),
    );
    expect(estimateForQueueState(est, state, 'advice', at(20), { ticket: 'k3' })).toEqual(
      est.estimateTicket('k3', at(20)),
    );
    expect(estimateForQueueState(est, state, 'advice', at(20), { ticket: 'k1' })).toBeUndefined();
  });

  it('drop-in for the kiosk and the published wait payload', () => {
    const state = fold(store);
    const est = new WaitEstimator({ serviceSec: { advice: 240, returns: 180 } });
    for (const e of portableLog(store)) est.observe(e);
    const raw = est.estimateNew('returns', at(20));
    const kiosk = estimateWaitWith(est, state, 'returns', at(20));
    expect(kiosk).toEqual({
      estimateSec: Math.round(raw.meanSec),
      lowSec: Math.floor(raw.lowSec),
      highSec: Math.ceil(raw.highSec),
      // the counter serving returns also serves advice: k2 (returns) and k3 (advice) go first
      ahead: 2,
      sameServiceAhead: 1,
      openCounters: 1,
      longestWaitSec: 18,
      noCounter: false,
    });
    if (kiosk.noCounter) return;
    expect(publishedWait(est, state, 'returns', at(20))).toEqual({
      service: 'returns',
      waiting: 1,
      estimateSec: kiosk.estimateSec,
      lowSec: kiosk.lowSec,
      highSec: kiosk.highSec,
      openCounters: 1,
      updatedAt: new Date(at(20)).toISOString(),
      noCounter: false,
      longestWaitSec: 18,
      // no phone ticket awaits a check-in, and no booking: no nextSlot
      remoteWaiting: 0,
    });
  });
});

describe('priority', () => {
  const busyLine: PortableEvent[] = [
    { at: at(0), type: 'counter.opened', counter: 'c1', services: ['A'] },
    ...[1, 2, 3, 4].map((i): PortableEvent => ({
      at: at(i),
      type: 'ticket.issued',
      ticket: `t${i}`,
      service: 'A',
    })),
    { at: at(5), type: 'ticket.called', ticket: 't1', counter: 'c1' },
  ];

  it('a new priority ticket waits only for the counter to free', () => {
    const est = feed(new WaitEstimator({ serviceSec: { A: 300 } }), busyLine);
    const normal = est.estimateNew('A', at(6));
    const priority = est.estimateNew('A', at(6), true);
    expect(normal.ahead).toBe(3);
    expect(priority.ahead).toBe(0);
    expect(priority.meanSec).toBeLessThan(normal.meanSec / 2.5);
  });

  it('priority tickets that usually come make others wait longer', () => {
    const withPriority = new WaitEstimator({ serviceSec: { A: 300 } });
    const without = new WaitEstimator({ serviceSec: { A: 300 } });
    // history: a ticket a minute, each served at once for 300 s at its own counter; in one
    // history every other ticket had priority
    const history = (priority: boolean): PortableEvent[] =>
      Array.from({ length: 200 }, (_, i): PortableEvent[] => {
        const t = at(-20_000 + 60 * i);
        const counter = `h${i}`;
        return [
          { at: t, type: 'counter.opened', counter, services: ['A'] },
          {
            at: t,
            type: 'ticket.issued',
            ticket: counter,
            service: 'A',
            ...(priority && i % 2 ? { priority: true as const } : {}),
          },
          { at: t, type: 'ticket.called', ticket: counter, counter },
          { at: t + 300_000, type: 'ticket.completed', ticket: counter, counter },
          { at: t + 300_000, type: 'counter.closed', counter },
        ];
      })
        .flat()
        .sort((a, b) => a.at - b.at);
    feed(withPriority, history(true));
    feed(without, history(false));
    feed(withPriority, busyLine);
    feed(without, busyLine);
    expect(withPriority.estimateNew('A', at(6)).meanSec).toBeGreaterThan(
      1.2 * without.estimateNew('A', at(6)).meanSec,
    );
  });
});
