import { describe, expect, it } from 'vitest';
import { fold } from '../queue/fold.ts';
import { testStore } from '../testing/store.ts';
import { liveCounters, liveServiceStats } from './live.ts';
import { at, call, cancel, complete, DAY, issue, logBuilder, noShow } from './testing.ts';

const dayStart = Date.parse(`${DAY}T00:00:00Z`);

describe('live board figures', () => {
  it('per service: waiting, longest wait, today so far and the service level', () => {
    const ev = logBuilder();
    const state = fold([
      ev('tab', at('08:00'), { type: 'counter.opened', counter: 'c1', services: ['advice'] }),
      // called after 2 min (hit, target 300 s), served
      ev('k', at('09:00'), issue('a', 'advice')),
      ev('tab', at('09:02'), call('a')),
      ev('tab', at('09:05'), complete('a')),
      // called after 10 min (miss), no-show
      ev('k', at('09:10'), issue('b', 'advice')),
      ev('tab', at('09:20'), call('b')),
      ev('tab', at('09:21'), noShow('b')),
      // left after 1 min: not in the service level
      ev('k', at('09:30'), issue('c', 'advice')),
      ev('k', at('09:31'), cancel('c')),
      // still waiting: 12 min at 10:00 (a miss), 4 min (not yet)
      ev('k', at('09:48'), issue('d', 'advice')),
      ev('k', at('09:56'), issue('e', 'advice')),
    ]);
    const [advice, returns] = liveServiceStats(state, testStore, at('10:00'), dayStart);
    expect(advice).toEqual({
      service: 'advice',
      waiting: 2,
      longestWaitSec: 720,
      served: 1,
      noShows: 1,
      left: 1,
      serviceLevel: 33.3, // 1 hit of a, b, d
      openCounters: 1,
    });
    expect(returns).toMatchObject({ waiting: 0, longestWaitSec: 0, serviceLevel: null });
    // yesterday's tickets are not today's figures
    expect(liveServiceStats(state, testStore, at('10:00'), at('09:40'))[0]).toMatchObject({
      served: 0,
      waiting: 2,
    });
  });

  it('per counter: who works there and whom they serve, for how long', () => {
    const ev = logBuilder();
    const state = fold([
      ev('tab', at('08:00'), { type: 'staff.signedIn', staff: 'anna' }),
      ev('tab', at('08:01'), { type: 'counter.opened', counter: 'c1', services: ['advice'] }),
      ev('k', at('09:00'), issue('a', 'advice')),
      ev('tab', at('09:02'), call('a')),
    ]);
    const rows = liveCounters(state, testStore, at('09:05'));
    expect(rows).toEqual([
      {
        counter: 'c1',
        open: true,
        staff: 'anna',
        since: at('08:01'),
        ticket: { number: 'A', service: 'advice', sinceMs: 180_000 },
      },
      { counter: 'c2', open: false, staff: '', since: 0 },
    ]);
  });
});
