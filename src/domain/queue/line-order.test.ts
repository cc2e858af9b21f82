import { describe, expect, it } from 'vitest';
import {
  compareInLine,
  handoverPlace,
  isPriorityPlace,
  placeIndex,
  placeKey,
  priorityPlace,
} from './line-order.ts';

const ticket = (id: string, queuedHlc: string, priority?: true) => ({
  id,
  queuedHlc,
  ...(priority ? { priority } : {}),
});

describe('the line-order rule', () => {
  it('calls priority tickets first, each group in its own order of joining, ties by id', () => {
    const line = [
      ticket('c', '0003'),
      ticket('p2', '0004', true),
      ticket('a', '0001'),
      ticket('p1', '0002', true),
      ticket('b', '0001'),
    ].sort(compareInLine);
    expect(line.map((t) => t.id)).toEqual(['p1', 'p2', 'a', 'b', 'c']);
  });

  it('gives numeric places in the same order: handover, then priority, then the rest', () => {
    const now = Date.UTC(2026, 11, 6, 9);
    const places = [placeKey(false, 0), priorityPlace(now + 60_000), handoverPlace(now)];
    places.push(placeKey(true, now), placeKey(false, 5_000));
    expect([...places].sort((a, b) => a - b)).toEqual([
      handoverPlace(now),
      priorityPlace(now),
      priorityPlace(now + 60_000),
      placeKey(false, 0),
      placeKey(false, 5_000),
    ]);
    expect(isPriorityPlace(priorityPlace(now))).toBe(true);
    expect(isPriorityPlace(placeKey(false, 0))).toBe(false);
  });

  it('finds where a place goes in a sorted line: before entries at the same place', () => {
    const line = [1, 3, 3, 7].map((key) => ({ key }));
    expect(placeIndex(line, 0)).toBe(0);
    expect(placeIndex(line, 3)).toBe(1);
    expect(placeIndex(line, 4)).toBe(3);
    expect(placeIndex(line, 9)).toBe(4);
    expect(placeIndex(line, 0, 2)).toBe(2);
  });
});
