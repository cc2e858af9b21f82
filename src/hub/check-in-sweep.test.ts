import { describe, expect, it } from 'vitest';
import type { StoreConfig } from '../domain/config/types.ts';
import type { CommandResult } from '../domain/queue/commands.ts';
import type { EventBody } from '../domain/queue/events.ts';
import { emptyState, type QueueState, type Ticket } from '../domain/queue/state.ts';
import { testStore } from '../domain/testing/store.ts';
import type { Clock } from '../sync/ports.ts';
import { startCheckInSweep } from './check-in-sweep.ts';

const T0 = Date.parse('2026-12-07T10:00:00Z');
const MIN = 60_000;
const cfg: StoreConfig = {
  ...testStore,
  services: testStore.services.map((s) => ({ ...s, remote: { checkIn: true, graceMin: 10 } })),
};

function ticket(id: string, issuedAt: number, awaitingCheckIn = true): Ticket {
  return {
    id,
    number: `A${id}`,
    n: 1,
    service: 'advice',
    status: 'waiting',
    issuedAt,
    queuedHlc: String(issuedAt),
    issuedBy: 'agent-test-store',
    recalls: 0,
    channel: 'phone',
    awaitingCheckIn,
  };
}

/** A clock whose timers run only when the test moves it, and a replica that applies cancels. */
function world(state: QueueState) {
  let now = T0;
  const timers: { at: number; fn: () => void }[] = [];
  const listeners = new Set<() => void>();
  const clock: Clock = {
    now: () => now,
    after(ms, fn) {
      const t = { at: now + ms, fn };
      timers.push(t);
      return () => {
        const i = timers.indexOf(t);
        if (i >= 0) timers.splice(i, 1);
      };
    },
  };
  const events: EventBody[] = [];
  const lines: string[] = [];
  const replica = {
    state,
    run(decide: (s: QueueState, at: number) => CommandResult) {
      const r = decide(state, now);
      if (r.ok) {
        events.push(r.event);
        const t = r.event.type === 'ticket.cancelled' && state.tickets.get(r.event.ticket);
        if (t) t.status = 'cancelled';
      }
      return Promise.resolve({ ok: r.ok });
    },
    subscribe(l: () => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  const log = {
    info: (_: string, m: string) => void lines.push(m),
    warn: () => undefined,
    error: () => undefined,
  };
  return {
    clock,
    replica,
    events,
    lines,
    log,
    changed: () => listeners.forEach((l) => l()),
    pending: () => timers.length,
    async advance(t: number) {
      for (;;) {
        const due = timers.filter((x) => x.at <= t).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers.splice(timers.indexOf(due), 1);
        now = due.at;
        due.fn();
        await new Promise((r) => setTimeout(r, 0));
      }
      now = t;
    },
  };
}

describe('the check-in sweep', () => {
  it('drops a ticket not checked in at its deadline, with the reason, once', async () => {
    const state = emptyState();
    state.tickets.set('1', ticket('1', T0));
    state.tickets.set('2', ticket('2', T0, false));
    const w = world(state);
    const sweep = startCheckInSweep({ config: cfg, ...w });
    await w.advance(T0 + 10 * MIN - 1);
    expect(w.events).toEqual([]);
    await w.advance(T0 + 10 * MIN + 100);
    expect(w.events).toEqual([{ type: 'ticket.cancelled', ticket: '1', reason: 'noCheckIn' }]);
    expect(w.lines).toEqual(['ticket A1 dropped: not checked in within the grace time']);
    await w.advance(T0 + 60 * MIN);
    expect(w.events).toHaveLength(1);
    sweep.close();
    expect(w.pending()).toBe(0);
  });

  it('arms for a ticket that joins later, sooner than its once-a-minute look', async () => {
    const state = emptyState();
    const w = world(state);
    const sweep = startCheckInSweep({
      config: {
        ...cfg,
        services: cfg.services.map((s) => ({ ...s, remote: { checkIn: true, graceMin: 0.1 } })),
      },
      ...w,
    });
    state.tickets.set('3', ticket('3', T0));
    w.changed();
    await w.advance(T0 + 6_000 + 10);
    expect(w.events).toEqual([{ type: 'ticket.cancelled', ticket: '3', reason: 'noCheckIn' }]);
    sweep.close();
  });
});
