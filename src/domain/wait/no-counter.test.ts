import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ticketView } from '../kiosk/tracking.ts';
import type { StoreEvent } from '../queue/events.ts';
import { fold } from '../queue/fold.ts';
import { ev, testStore } from '../testing/store.ts';
import { alertReason, waitReading } from './alerts.ts';
import { WaitEstimator } from './estimator.ts';
import { serviceWaitLevel } from './levels.ts';
import { waitInMinutes } from './minutes.ts';
import { estimateWaitWith, placeOfTicket, publishedWait } from './queue-state.ts';

/**
 * "No counter is open for this right now" is not "little or no wait": with no open counter
 * for a service, the model behind every surface says so and carries no number.
 */
const T0 = Date.UTC(2025, 0, 6, 9);
const MIN = 60_000;

function store(opts: {
  counters: readonly { services: string[]; open: boolean }[];
  waiting: readonly string[];
}): StoreEvent[] {
  const out: StoreEvent[] = [];
  let seq = 0;
  opts.counters.forEach((c, i) => {
    out.push(
      ev('clerk', ++seq, T0, { type: 'counter.opened', counter: `c${i}`, services: c.services }),
    );
    if (!c.open) out.push(ev('clerk', ++seq, T0 + 1, { type: 'counter.closed', counter: `c${i}` }));
  });
  opts.waiting.forEach((service, i) =>
    out.push(
      ev('kiosk', ++seq, T0 + (i + 1) * 1000, {
        type: 'ticket.issued',
        ticket: `t${i}`,
        service,
        number: `X${i + 1}`,
        n: i + 1,
      }),
    ),
  );
  return out;
}

describe('no counter for a service, on every surface', () => {
  it('no surface model holds a number, and staff screens and alerts say it (property)', () => {
    const services = ['advice', 'returns'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ services: fc.subarray(['returns'], { minLength: 1 }), open: fc.boolean() }),
          { maxLength: 3 },
        ),
        fc.array(fc.constantFrom(...services), { maxLength: 8 }),
        fc.integer({ min: 0, max: 60 }),
        (counters, waiting, minutesLater) => {
          // advice has no counter at all here (a closed one may serve it too)
          const state = fold(
            store({ counters: [{ services: ['advice'], open: false }, ...counters], waiting }),
          );
          const now = T0 + minutesLater * MIN + 20_000;
          const est = new WaitEstimator({ replications: { min: 2, max: 2 } });
          // kiosk tile, board, floor card, manager card: the wait of a new ticket
          const w = estimateWaitWith(est, state, 'advice', now);
          expect(w.noCounter).toBe(true);
          expect(w).not.toHaveProperty('estimateSec');
          expect(waitInMinutes(w)).toEqual({ kind: 'noCounter', opensAt: undefined });
          const someone = waiting.includes('advice');
          expect(serviceWaitLevel(w, 600)).toBe(someone ? 'noCounter' : 'closed');
          expect(alertReason(waitReading('advice', w, 600, now))).toBe(
            someone ? 'noCounter' : undefined,
          );
          // the public topic keeps its number (the wait once a counter opens) and says why
          expect(publishedWait(est, state, 'advice', now)).toMatchObject({
            noCounter: true,
            openCounters: 0,
          });
          // ticket screen and phone: a waiting ticket is never "next", and has no number
          for (const [i, service] of waiting.entries()) {
            if (service !== 'advice') continue;
            const id = `t${i}`;
            const mine = estimateWaitWith(est, state, 'advice', now, { ticket: id });
            expect(mine.noCounter).toBe(true);
            expect(placeOfTicket(state, id)?.next).toBe(false);
            const view = ticketView(state, testStore, id, (s, t) =>
              estimateWaitWith(est, state, s, now, { ticket: t }),
            )!;
            expect(view.next).toBe(false);
            expect(view.wait).toEqual({ noCounter: true, openCounters: 0, opensAt: undefined });
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it('a customer who has waited 18 minutes with no counter: no "little or no wait"', () => {
    const state = fold(store({ counters: [], waiting: ['advice'] }));
    const now = T0 + 1000 + 18 * MIN;
    const est = new WaitEstimator();
    const w = estimateWaitWith(est, state, 'advice', now, { ticket: 't0' });
    expect(w).toEqual({
      noCounter: true,
      openCounters: 0,
      opensAt: undefined,
      ahead: 0,
      sameServiceAhead: 0,
      longestWaitSec: 18 * 60,
    });
    const fresh = estimateWaitWith(est, state, 'advice', now);
    expect(serviceWaitLevel(fresh, 600)).toBe('noCounter');
    expect(alertReason(waitReading('advice', fresh, 600, now))).toBe('noCounter');
    // a counter opens: a number again, and the 18 minutes still raise the alert
    const opened = fold([
      ...store({ counters: [], waiting: ['advice'] }),
      ev('clerk', 50, T0 + 17 * MIN, {
        type: 'counter.opened',
        counter: 'c1',
        services: ['advice'],
      }),
      ev('kiosk', 51, T0 + 17 * MIN + 1, {
        type: 'ticket.issued',
        ticket: 'late',
        service: 'advice',
        number: 'A2',
        n: 2,
      }),
    ]);
    const after = estimateWaitWith(est, opened, 'advice', now);
    expect(after.noCounter).toBe(false);
    expect(alertReason(waitReading('advice', after, 600, now))).toBe('longestWait');
  });
});
