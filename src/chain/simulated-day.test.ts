import { describe, expect, it } from 'vitest';
import { wallOf } from '../domain/clock/hlc.ts';
import { compareEvents } from '../domain/queue/events.ts';
import { applyEvent } from '../domain/queue/fold.ts';
import { emptyState } from '../domain/queue/state.ts';
import { validateEvent } from '../domain/sync/validate.ts';
import { simulatedDay } from './simulated-day.ts';

const from = Date.parse('2026-12-01T09:00:00Z');
const to = Date.parse('2026-12-01T17:00:00Z');

describe('a simulated store day', () => {
  const events = simulatedDay({ store: 's1', from, to, tickets: 200, seed: 3 });

  it('is events the domain accepts, one sequence per device from 1', () => {
    for (const e of events)
      expect(validateEvent(JSON.parse(JSON.stringify(e)))).toEqual({ ok: true, value: e });
    const byDevice = new Map<string, number[]>();
    for (const e of events) byDevice.set(e.device, [...(byDevice.get(e.device) ?? []), e.seq]);
    for (const seqs of byDevice.values()) expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(new Set(events.map((e) => e.hlc + e.device)).size).toBe(events.length);
  });

  it('folds without a conflict into a busy day: most served, some no-shows and cancellations', () => {
    const state = emptyState();
    for (const e of [...events].sort(compareEvents)) applyEvent(state, e);
    expect(state.conflicts).toEqual([]);
    const tickets = [...state.tickets.values()];
    expect(tickets).toHaveLength(200);
    const done = tickets.filter((t) => t.status === 'done').length;
    expect(done).toBeGreaterThan(150);
    expect(tickets.some((t) => t.status === 'noShow')).toBe(true);
    expect(tickets.some((t) => t.status === 'cancelled')).toBe(true);
    expect(events.some((e) => e.type === 'alert.raised')).toBe(true);
    expect(events.filter((e) => e.type === 'visit.feedback').length).toBe(done);
  });

  it('is the same day for the same seed, and stops where the day is cut', () => {
    expect(simulatedDay({ store: 's1', from, to, tickets: 200, seed: 3 })).toEqual(events);
    const cut = simulatedDay({
      store: 's1',
      from,
      to,
      tickets: 200,
      seed: 3,
      until: from + 3_600_000,
    });
    expect(cut.every((e) => wallOf(e.hlc) <= from + 3_600_000)).toBe(true);
    expect(cut.length).toBeLessThan(events.length);
  });
});
