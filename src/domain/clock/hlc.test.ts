import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayKey } from '../queue/day.ts';
import {
  compareHlc,
  decodeHlc,
  encodeHlc,
  isHlcString,
  MAX_WALL,
  receive,
  tick,
  type Hlc,
} from './hlc.ts';

const hlcArb = fc.record({
  wall: fc.integer({ min: 0, max: 4e12 }),
  counter: fc.integer({ min: 0, max: 1000 }),
});

describe('hybrid logical clock', () => {
  it('encodes so that string order is clock order', () => {
    fc.assert(
      fc.property(hlcArb, hlcArb, (a, b) => {
        const sa = encodeHlc(a);
        const sb = encodeHlc(b);
        expect(Math.sign(sa.localeCompare(sb))).toBe(Math.sign(compareHlc(a, b)));
        expect(decodeHlc(sa)).toEqual(a);
      }),
    );
  });

  it('never goes backwards, even when the wall clock does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4e12 }), { minLength: 1, maxLength: 50 }),
        (nows) => {
          let last: Hlc = { wall: 0, counter: 0 };
          for (const now of nows) {
            const next = tick(last, now);
            expect(compareHlc(next, last)).toBeGreaterThan(0);
            last = next;
          }
        },
      ),
    );
  });

  it('orders a received event before anything that follows it', () => {
    fc.assert(
      fc.property(hlcArb, hlcArb, fc.integer({ min: 0, max: 4e12 }), (local, remote, now) => {
        const merged = receive(local, remote, now);
        expect(compareHlc(merged, local)).toBeGreaterThan(0);
        expect(compareHlc(merged, remote)).toBeGreaterThan(0);
      }),
    );
  });

  it('keeps causal order across tablets whose clocks are minutes apart', () => {
    const fast = tick({ wall: 0, counter: 0 }, 1_000_000 + 5 * 60_000); // five minutes ahead
    const slow = receive({ wall: 0, counter: 0 }, fast, 1_000_000);
    const reply = tick(slow, 1_000_010);
    expect(compareHlc(reply, fast)).toBeGreaterThan(0);
  });

  it('refuses a malformed value with a clear message', () => {
    expect(() => decodeHlc('yesterday')).toThrow(/not a hybrid logical clock value/);
  });

  it('accepts only clocks whose store day a day file can name (before year 10000)', () => {
    expect(isHlcString(encodeHlc({ wall: MAX_WALL, counter: 99_999 }))).toBe(true);
    expect(isHlcString(encodeHlc({ wall: MAX_WALL + 1, counter: 0 }))).toBe(false);
    expect(isHlcString(encodeHlc({ wall: Date.UTC(10000, 0, 1), counter: 0 }))).toBe(false);
    // the last accepted moment is still in year 9999 wherever the store is
    for (const zone of ['Pacific/Kiritimati', 'UTC', 'Pacific/Pago_Pago']) {
      expect(dayKey(MAX_WALL, zone)).toMatch(/^9999-12-\d{2}$/);
    }
  });
});
