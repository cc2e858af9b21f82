import { describe, expect, it } from 'vitest';
import { decodeRollup, encodeRollup, type EncodedRollup } from './encode.ts';
import { at, call, cancel, complete, DAY, issue, logBuilder, rollup } from './testing.ts';

describe('compact rollup encoding (disk cache)', () => {
  it('round-trips every record, nulls included', () => {
    const ev = logBuilder();
    const r = rollup([
      ev('tab', at('08:00'), { type: 'counter.opened', counter: 'c1', services: ['A'] }),
      ev('k', at('09:00'), issue('t1')),
      ev('tab', at('09:02'), call('t1')),
      ev('tab', at('09:07'), complete('t1')),
      ev('k', at('10:00'), issue('t2', 'B')),
      ev('k', at('10:12'), cancel('t2')),
      ev('k', at('11:00'), issue('t3')),
      ev('tab', at('11:01'), {
        type: 'visit.step',
        visit: 'v',
        clerk: 'tab',
        step: 'greeting',
        n: 1,
        at: at('11:01'),
      }),
    ]);
    const back = decodeRollup(JSON.parse(JSON.stringify(encodeRollup(r))) as EncodedRollup, DAY);
    expect(back).toEqual(r);
  });

  it('refuses another version, another day or a damaged entry', () => {
    const e = encodeRollup(rollup([logBuilder()('k', at('09:00'), issue('t'))]));
    expect(decodeRollup({ ...e, v: 0 }, DAY)).toBeUndefined();
    expect(decodeRollup(e, '2026-03-03')).toBeUndefined();
    expect(decodeRollup({ ...e, t: e.t.slice(1) }, DAY)).toBeUndefined();
    expect(decodeRollup({ ...e, dict: [] }, DAY)).toBeUndefined();
  });
});
