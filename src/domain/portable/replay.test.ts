import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WaitEstimator } from '../wait/estimator.ts';
import { randomStore } from '../wait/testing.ts';
import { simulate } from './engine.ts';
import {
  formatReplayLine,
  formatSummaryLine,
  replay,
  replayEvents,
  summarize,
  type OnlineEstimator,
  type Prediction,
} from './replay.ts';
import { serializeEvent, serializeLog } from './serialize.ts';
import type { PortableEvent } from './types.ts';

const T = Date.UTC(2025, 0, 6, 9);
const at = (min: number): number => T + min * 60_000;

/** Predicts a constant, and records what it saw. */
class Constant implements OnlineEstimator {
  readonly seen: PortableEvent[] = [];
  constructor(readonly sec: number) {}
  observe(e: PortableEvent): void {
    this.seen.push(e);
  }
  predict(): Prediction {
    return { meanSec: this.sec, lowSec: this.sec - 30, highSec: this.sec + 30 };
  }
}

describe('replay', () => {
  const log: PortableEvent[] = [
    { at: at(0), type: 'counter.opened', counter: 'c1', services: ['A'] },
    { at: at(0), type: 'ticket.issued', ticket: 't1', service: 'A' },
    { at: at(1), type: 'ticket.issued', ticket: 't2', service: 'A' },
    { at: at(1), type: 'ticket.called', ticket: 't1', counter: 'c1' },
    { at: at(2), type: 'ticket.issued', ticket: 't3', service: 'A' },
    { at: at(3), type: 'ticket.completed', ticket: 't1', counter: 'c1' },
    { at: at(3), type: 'ticket.called', ticket: 't2', counter: 'c1' },
    { at: at(4), type: 'ticket.cancelled', ticket: 't3' },
    { at: at(5), type: 'ticket.transferred', ticket: 't2', counter: 'c1', toService: 'B' },
    { at: at(9), type: 'ticket.called', ticket: 't2', counter: 'c1' },
  ];

  it('scores waits from issue to the first call; hand-computed summary', () => {
    const out = replay(serializeLog(log).split('\n'), new Constant(90));
    expect(out.results.map((r) => [r.ticket, r.actualSec])).toEqual([
      ['t1', 60],
      ['t2', 120],
      ['t3', null],
    ]);
    // errors +30 and -30 s; mean wait 90 s
    expect(out.summary).toEqual({
      n: 2,
      issued: 3,
      maeSec: 30,
      rmseSec: 30,
      rase: 900 / 8100,
      coverage80: 1,
    });
    expect(formatReplayLine(out.results[0]!)).toBe(
      '{"ticket":"t1","predictedSec":90,"lowSec":60,"highSec":120,"actualSec":60}',
    );
    expect(formatSummaryLine(out.summary)).toBe(
      '{"summary":{"n":2,"maeSec":30,"rmseSec":30,"rase":0.1111,"coverage80":1,"issued":3}}',
    );
  });

  it('asks for a prediction before the next line is read (look-ahead impossible)', () => {
    const lines = log.map(serializeEvent);
    let pulled = 0;
    function* lazy(): Generator<string> {
      for (const l of lines) {
        pulled++;
        yield l;
      }
    }
    const pulledAtPrediction: number[] = [];
    const spy = new Constant(0);
    const probe: OnlineEstimator = {
      observe: (e) => spy.observe(e),
      predict: (ticket) => {
        pulledAtPrediction.push(pulled);
        // all the estimator has seen ends with this ticket's issue
        expect(spy.seen[spy.seen.length - 1]).toMatchObject({ type: 'ticket.issued', ticket });
        return spy.predict();
      },
    };
    replay(lazy(), probe);
    // t1, t2, t3 are issued on lines 2, 3 and 5
    expect(pulledAtPrediction).toEqual([2, 3, 5]);
  });

  it('property: changing anything after a point never changes predictions made before it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 5, max: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        (seed, size, cutAt, mutationSeed) => {
          const { customers, shifts } = randomStore(seed, size);
          const events = simulate(customers, shifts).events;
          const cut = Math.floor(cutAt * events.length);
          // A different future: another random store's log, shifted after the cut, with some
          // of our own tickets' events moved and dropped.
          const o = randomStore(mutationSeed, size);
          const renamed = o.customers.map((c) => ({ ...c, ticket: `x${c.ticket}` }));
          const other = simulate(renamed, o.shifts).events;
          const last = events[cut - 1]?.at ?? T;
          const shift = last - (other[0]?.at ?? last) + 1;
          const suffix = events
            .slice(cut)
            .filter((_, i) => (i + mutationSeed) % 3 !== 0)
            .map((e) => ({ ...e, at: e.at + 60_000 }));
          const future = [...suffix, ...other.map((e) => ({ ...e, at: e.at + shift }))].sort(
            (a, b) => a.at - b.at,
          );
          const a = replayEvents(events, new WaitEstimator());
          const b = replayEvents([...events.slice(0, cut), ...future], new WaitEstimator());
          const issuedBefore = events
            .slice(0, cut)
            .filter((e) => e.type === 'ticket.issued').length;
          const strip = (r: (typeof a)[number]): unknown => [
            r.ticket,
            r.predictedSec,
            r.lowSec,
            r.highSec,
          ];
          expect(b.slice(0, issuedBefore).map(strip)).toEqual(a.slice(0, issuedBefore).map(strip));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('summarize ignores tickets never called', () => {
    const s = summarize([
      {
        ticket: 'a',
        service: 'A',
        issuedAt: 0,
        predictedSec: 10,
        lowSec: 0,
        highSec: 20,
        actualSec: 30,
      },
      {
        ticket: 'b',
        service: 'A',
        issuedAt: 0,
        predictedSec: 10,
        lowSec: 0,
        highSec: 20,
        actualSec: null,
      },
    ]);
    expect(s).toMatchObject({ n: 1, issued: 2, maeSec: 20, coverage80: 0 });
  });
});
