import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceptsDeliveries,
  initialDelivery,
  retryDelay,
  stepDelivery,
  type DeliveryEffect,
  type DeliveryInput,
  type DeliveryOptions,
  type DeliveryState,
} from './delivery.ts';

const opts: DeliveryOptions = { baseMs: 1000, capMs: 8000, disableAfterMs: 60_000 };

type Outcome = 'ok' | 'lost' | 'lostReply';

/**
 * A driver with a real queue and a receiver: each attempt's outcome comes from `outcomes`
 * ('lost': never reached the receiver; 'lostReply': reached it, but the hub saw a failure or
 * a timeout). Time jumps to each wake-up. Returns what the receiver got, in order.
 */
function simulate(
  batches: readonly (readonly string[])[],
  outcomes: readonly Outcome[],
): { received: string[]; queue: string[]; state: DeliveryState } {
  let state = initialDelivery({ failures: 0 }, 0);
  const queue: string[] = [];
  const received: string[] = [];
  let now = 0;
  let tries = 0;
  let wake: number | undefined;
  const run = (input: DeliveryInput): void => {
    const out = stepDelivery(state, input, opts);
    state = out.state;
    for (const e of out.effects) perform(e);
  };
  const perform = (e: DeliveryEffect): void => {
    if (e.type === 'ack') queue.shift();
    else if (e.type === 'wake') wake = e.at;
    else if (e.type === 'attempt') {
      // after the outcomes run out the receiver is healthy: everything must then arrive
      const o = outcomes[tries++] ?? 'ok';
      if (o !== 'lost') received.push(queue[0]!);
      now += 10;
      run(o === 'ok' ? { type: 'succeeded', at: now } : { type: 'failed', at: now, error: o });
    }
  };
  for (const b of batches) {
    queue.push(...b);
    run({ type: 'queued', count: b.length, at: now });
  }
  for (let guard = 0; guard < 10_000 && state.pending > 0; guard++) {
    now = Math.max(now, wake ?? now);
    run({ type: 'tick', at: now });
  }
  return { received, queue, state };
}

/** Repeats in a row removed: what the receiver keeps after dropping repeated deliveries. */
const deduped = (xs: readonly string[]) => xs.filter((x, i) => i === 0 || xs[i - 1] !== x);

describe('webhook delivery policy', () => {
  it('backs off exponentially up to the cap', () => {
    expect([1, 2, 3, 4, 5, 9].map((f) => retryDelay(f, opts))).toEqual([
      1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });

  it('delivers every item at least once and in the order queued, whatever fails', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 5 }), {
          maxLength: 8,
        }),
        fc.array(fc.constantFrom<Outcome>('ok', 'lost', 'lostReply'), { maxLength: 40 }),
        (raw, outcomes) => {
          // unique items named by their place, so order and presence can be checked
          let n = 0;
          const batches = raw.map((b) => b.map((x) => `${n++}:${x}`));
          const all = batches.flat();
          const { received, queue, state } = simulate(batches, outcomes);
          expect(queue).toEqual([]);
          expect(state.pending).toBe(0);
          expect(deduped(received)).toEqual(all);
        },
      ),
    );
  });

  it('retries only when the backoff is over, and says once that it fails and recovers', () => {
    let s = initialDelivery({ failures: 0 }, 0);
    let out = stepDelivery(s, { type: 'queued', count: 2, at: 0 }, opts);
    expect(out.effects).toEqual([{ type: 'attempt' }]);
    out = stepDelivery(out.state, { type: 'failed', at: 5, error: 'HTTP 500' }, opts);
    expect(out.effects).toContainEqual({ type: 'notice', notice: 'failing' });
    expect(out.effects).toContainEqual({ type: 'wake', at: 1005 });
    s = out.state;
    expect(stepDelivery(s, { type: 'tick', at: 1004 }, opts).effects).toEqual([
      { type: 'wake', at: 1005 },
    ]);
    out = stepDelivery(s, { type: 'tick', at: 1005 }, opts);
    expect(out.effects).toEqual([{ type: 'attempt' }]);
    out = stepDelivery(out.state, { type: 'failed', at: 1010, error: 'timeout' }, opts);
    expect(out.effects.filter((e) => e.type === 'notice')).toEqual([]);
    expect(out.state.nextAttemptAt).toBe(3010);
    out = stepDelivery(out.state, { type: 'tick', at: 3010 }, opts);
    out = stepDelivery(out.state, { type: 'succeeded', at: 3020 }, opts);
    expect(out.effects).toEqual([
      { type: 'ack' },
      { type: 'save' },
      { type: 'notice', notice: 'recovered' },
      { type: 'attempt' },
    ]);
    expect(out.state).toMatchObject({ pending: 1, failures: 0, lastSuccess: 3020 });
  });

  it('disables an endpoint failing for disableAfterMs, takes nothing new, and is enabled again', () => {
    let s: DeliveryState = initialDelivery({ failures: 0 }, 0);
    s = stepDelivery(s, { type: 'queued', count: 1, at: 0 }, opts).state;
    let at = 0;
    while (s.disabledAt === undefined) {
      at = Math.max(at + 1, s.nextAttemptAt ?? at);
      s = stepDelivery(s, { type: 'tick', at }, opts).state;
      s = stepDelivery(s, { type: 'failed', at, error: 'HTTP 503' }, opts).state;
      expect(at).toBeLessThan(opts.disableAfterMs + opts.capMs + 1);
    }
    expect(at).toBeGreaterThanOrEqual(opts.disableAfterMs);
    expect(stepDelivery(s, { type: 'tick', at: at + 10 ** 9 }, opts).effects).toEqual([]);
    expect(acceptsDeliveries(s)).toBe(false);
    const on = stepDelivery(s, { type: 'enabled', at: at + 5 }, opts);
    expect(on.effects).toContainEqual({ type: 'attempt' });
    expect(on.state).toMatchObject({ failures: 0, pending: 1, inFlight: true });
    expect(on.state.disabledAt).toBeUndefined();
  });

  it('after a restart sends the head again (it may have arrived: at least once)', () => {
    const s = initialDelivery({ failures: 2, failingSince: 0, nextAttemptAt: 50 }, 3);
    expect(s.inFlight).toBe(false);
    expect(stepDelivery(s, { type: 'tick', at: 49 }, opts).effects).toEqual([
      { type: 'wake', at: 50 },
    ]);
    expect(stepDelivery(s, { type: 'tick', at: 50 }, opts).effects).toEqual([{ type: 'attempt' }]);
  });
});
