import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acknowledged,
  committed,
  inFlight,
  outboxOf,
  reconnected,
  removed,
  retried,
  sent,
  unsent,
  type OutboxState,
} from './outbox.ts';
import { ANTI_ENTROPY_MS, IN_FLIGHT_MS, RETRY_FIRST_MS } from './timing.ts';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `kiosk-a:${i + 1}`);

/** What can happen to an outbox: commits, sends, acknowledgements, resend timers, reconnects. */
type Step =
  | { kind: 'commit' }
  | { kind: 'send'; limit: number }
  | { kind: 'ack'; upTo: number }
  | { kind: 'retry' }
  | { kind: 'reconnect' }
  | { kind: 'wait'; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant({ kind: 'commit' as const }),
  fc.record({ kind: fc.constant('send' as const), limit: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('ack' as const), upTo: fc.nat(30) }),
  fc.constant({ kind: 'retry' as const }),
  fc.constant({ kind: 'reconnect' as const }),
  fc.record({ kind: fc.constant('wait' as const), ms: fc.nat(3000) }),
);

describe('the outbox as pure state', () => {
  it('keeps unacknowledged events in order, acknowledges a prefix, and restarts the back-off', () => {
    let o = outboxOf([]);
    for (const id of ids(3)) o = committed(o, id);
    o = retried(sent(o, ids(3), 0), 5_000, ANTI_ENTROPY_MS);
    expect(o.retryMs).toBe(2 * RETRY_FIRST_MS);
    const done = acknowledged(o, 2, () => true);
    expect(done).toEqual(['kiosk-a:1', 'kiosk-a:2']);
    const after = removed(o, done);
    expect(after.ids).toEqual(['kiosk-a:3']);
    expect(after.retryMs).toBe(RETRY_FIRST_MS);
    // the state it came from is left as it was
    expect(o.ids).toHaveLength(3);
  });

  it('stops acknowledging at an event the log does not hold', () => {
    const o = outboxOf(ids(3));
    expect(acknowledged(o, 3, (seq) => seq !== 2)).toEqual(['kiosk-a:1']);
  });

  it('sends each event once per connection until its resend is due', () => {
    let o = sent(outboxOf(ids(2)), ['kiosk-a:1'], 1000);
    expect(unsent(o, 10)).toEqual(['kiosk-a:2']);
    expect(inFlight(o, 'kiosk-a:1', 1000 + IN_FLIGHT_MS - 1)).toBe(true);
    expect(inFlight(o, 'kiosk-a:1', 1000 + IN_FLIGHT_MS)).toBe(false);
    // sent just now: a resend timer leaves it in flight; sent long enough ago: unsent again
    expect(unsent(retried(o, 1000 + IN_FLIGHT_MS - 1, ANTI_ENTROPY_MS), 10)).toEqual(['kiosk-a:2']);
    o = retried(o, 1000 + IN_FLIGHT_MS, ANTI_ENTROPY_MS);
    expect(unsent(o, 10)).toEqual(ids(2));
    expect(unsent(reconnected(sent(o, ids(2), 0)), 10)).toEqual(ids(2));
  });

  it('never loses an unacknowledged event, keeps order, and bounds the back-off (property)', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let o: OutboxState = outboxOf([]);
        let now = 0;
        let written = 0;
        let acked = 0;
        for (const s of steps) {
          if (s.kind === 'commit') o = committed(o, `kiosk-a:${++written}`);
          else if (s.kind === 'send') o = sent(o, unsent(o, s.limit), now);
          else if (s.kind === 'ack') {
            const done = acknowledged(o, s.upTo, () => true);
            o = removed(o, done);
            acked = Math.max(acked, Math.min(s.upTo, written));
          } else if (s.kind === 'retry') o = retried(o, now, ANTI_ENTROPY_MS);
          else if (s.kind === 'reconnect') o = reconnected(o);
          else now += s.ms;
          // every event written and not acknowledged is still there, in order
          const expected = ids(written).filter((id) => Number(id.split(':')[1]) > acked);
          expect(o.ids).toEqual(expected);
          expect(o.retryMs).toBeGreaterThanOrEqual(RETRY_FIRST_MS);
          expect(o.retryMs).toBeLessThanOrEqual(Math.max(ANTI_ENTROPY_MS, RETRY_FIRST_MS));
          for (const id of o.sentAt.keys()) expect(o.ids).toContain(id);
        }
      }),
    );
  });
});
