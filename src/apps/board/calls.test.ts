import { describe, expect, it } from 'vitest';
import type { Call } from '../../domain/queue/state.ts';
import { ANNOUNCE_WITHIN_MS, callsToAnnounce, recentCalls } from './calls.ts';

const call = (eventId: string, ticket: string, at: number): Call => ({
  eventId,
  ticket,
  number: ticket.toUpperCase(),
  service: 'advice',
  counter: 'counter-1',
  at,
  recall: false,
});

describe('callsToAnnounce', () => {
  const now = 10 * ANNOUNCE_WITHIN_MS;

  it('announces nothing on the first look', () => {
    expect(callsToAnnounce(undefined, [call('d:1', 'a1', now)], now)).toEqual([]);
  });

  it('announces calls not seen before, oldest first', () => {
    const calls = [call('d:1', 'a1', now - 3), call('d:2', 'a2', now - 2), call('d:3', 'a1', now)];
    expect(callsToAnnounce(new Set(['d:1']), calls, now).map((c) => c.eventId)).toEqual([
      'd:2',
      'd:3',
    ]);
  });

  it('skips calls that arrive long after they were made', () => {
    const late = call('d:1', 'a1', now - ANNOUNCE_WITHIN_MS - 1);
    expect(callsToAnnounce(new Set(), [late], now)).toEqual([]);
  });

  it('reads out only the last few of a burst', () => {
    const calls = Array.from({ length: 6 }, (_, i) => call(`d:${i}`, `a${i}`, now));
    expect(callsToAnnounce(new Set(), calls, now).map((c) => c.eventId)).toEqual([
      'd:3',
      'd:4',
      'd:5',
    ]);
  });
});

describe('recentCalls', () => {
  it('lists earlier calls newest first, once per ticket, without the latest', () => {
    const calls = [
      call('d:1', 'a1', 1),
      call('d:2', 'a2', 2),
      call('d:3', 'a1', 3),
      call('d:4', 'a3', 4),
      call('d:5', 'a2', 5),
    ];
    expect(recentCalls(calls, 5).map((c) => c.eventId)).toEqual(['d:4', 'd:3']);
    expect(recentCalls(calls, 1).map((c) => c.eventId)).toEqual(['d:4']);
    expect(recentCalls([], 3)).toEqual([]);
  });
});
