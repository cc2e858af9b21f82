import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ev } from '../testing/store.ts';
import { fold } from '../queue/fold.ts';
import type { StoreEvent } from '../queue/events.ts';
import { LogCore } from './log-core.ts';
import { AGENT_POLICY, DEVICE_POLICY } from './protocol/policy.ts';

const DAY = Date.UTC(2026, 5, 1, 9);

/** Tickets issued by two kiosks and called by a clerk, in log order. */
function day(n: number): StoreEvent[] {
  const out: StoreEvent[] = [];
  for (let i = 1; i <= n; i++) {
    const kiosk = i % 2 ? 'kiosk-1' : 'kiosk-2';
    out.push(
      ev(kiosk, Math.ceil(i / 2), DAY + i * 1000, {
        type: 'ticket.issued',
        ticket: `t${i}`,
        service: 'advice',
        number: `A${100 + i}`,
        n: 100 + i,
      }),
    );
    out.push(
      ev('clerk-1', i, DAY + i * 1000 + 500, {
        type: 'ticket.called',
        ticket: `t${i}`,
        counter: 'c1',
      }),
    );
  }
  return out;
}

describe('the log core', () => {
  it('events taken in any batches and order fold to what the whole day folds to (property)', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(day(8), { minLength: 16, maxLength: 16 }),
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        (events, size, agent) => {
          const core = new LogCore(
            'clerk-9',
            'test-store',
            'UTC',
            2,
            agent ? AGENT_POLICY : DEVICE_POLICY,
          );
          core.refold(DAY);
          const seen: object[] = [core.state];
          for (let i = 0; i < events.length; i += size) {
            const batch = events.slice(i, i + size);
            for (const e of batch) core.log.add(e);
            const applied = core.applyInOrder(batch, DAY);
            // a device waits for its driver's refold timer; here it comes at once
            if (applied === 'stale') core.refold(DAY);
            expect(applied === 'stale').toBe(!agent && applied !== 'applied');
            seen.push(core.state);
          }
          expect(core.state).toEqual(fold(events));
          // a new state object per batch that changed anything
          expect(new Set(seen).size).toBe(seen.length);
        },
      ),
    );
  });

  it('commits a local event only when told it is stored: the clock and sequence move then', () => {
    const core = new LogCore('clerk-1', 'test-store', 'UTC', 2, DEVICE_POLICY);
    core.refold(DAY);
    const decided = core.decide(
      () => ({ ok: true, event: { type: 'counter.opened', counter: 'c1', services: ['advice'] } }),
      DAY,
    );
    expect(decided.ok && decided.event.id).toBe('clerk-1:1');
    expect(core.seq).toBe(0);
    if (!decided.ok) return;
    core.committedLocal(decided.event, decided.hlc, DAY);
    expect(core.seq).toBe(1);
    expect(core.state.counters.get('c1')?.open).toBe(true);
  });
});
