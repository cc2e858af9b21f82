import { describe, expect, it } from 'vitest';
import type { StoreConfig } from '../domain/config/types.ts';
import type { CommandResult } from '../domain/queue/commands.ts';
import type { EventBody } from '../domain/queue/events.ts';
import { emptyState, type QueueState, type Ticket } from '../domain/queue/state.ts';
import { testStore } from '../domain/testing/store.ts';
import type { Clock } from '../sync/ports.ts';
import { startClosingSweep } from './closing-sweep.ts';

// the test store is on UTC; Monday 2026-12-07, open 09:00-17:00
const at = (hhmm: string): number => Date.parse(`2026-12-07T${hhmm}:00Z`);
const cfg: StoreConfig = {
  ...testStore,
  store: { ...testStore.store, hours: { weekly: { mon: { open: '09:00', close: '17:00' } } } },
};
const service = cfg.services[0]!;

function ticket(id: string, status: Ticket['status'], issuedAt: number): Ticket {
  return {
    id,
    number: `${service.prefix}${id}`,
    n: 1,
    service: service.id,
    status,
    issuedAt,
    queuedHlc: String(issuedAt),
    issuedBy: 'kiosk-1',
    recalls: 0,
  };
}

/** A clock whose timers run when the test moves it; and a replica that applies cancels. */
function world(state: QueueState, start: number) {
  let now = start;
  const timers: { at: number; fn: () => void }[] = [];
  const clock: Clock = {
    now: () => now,
    after(ms, fn) {
      const t = { at: now + ms, fn };
      timers.push(t);
      return () => timers.splice(timers.indexOf(t) >>> 0, 1);
    },
  };
  const events: EventBody[] = [];
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
  };
  const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
  return {
    clock,
    replica,
    events,
    log,
    /** Moves the clock to `t`, running the timers due on the way. */
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

describe('closing time on the hub', () => {
  it('closes the waiting tickets at closing, once each, and leaves the called one', async () => {
    const state = emptyState();
    state.tickets.set('001', ticket('001', 'waiting', at('16:00')));
    state.tickets.set('002', ticket('002', 'called', at('16:10')));
    state.tickets.set('003', ticket('003', 'waiting', at('16:20')));
    const w = world(state, at('16:50'));
    const sweep = startClosingSweep({ ...w, config: cfg });
    await w.advance(at('16:59'));
    expect(w.events).toEqual([]);
    // the timer set for closing fires at 17:00 (plus its margin), not a minute later
    await w.advance(at('17:00') + 10);
    expect(w.events).toEqual([
      { type: 'ticket.cancelled', ticket: '001', reason: 'closed' },
      { type: 'ticket.cancelled', ticket: '003', reason: 'closed' },
    ]);
    await w.advance(at('17:05'));
    expect(await sweep.sweep()).toBe(0);
    expect(w.events).toHaveLength(2);
    expect(state.tickets.get('002')?.status).toBe('called');
    sweep.close();
  });

  it('closes them at start when the hub was down at closing, and nothing without hours', async () => {
    const state = emptyState();
    state.tickets.set('001', ticket('001', 'waiting', at('16:00')));
    const none = world(state, at('18:00'));
    const open = startClosingSweep({ ...none, config: testStore });
    expect(await open.sweep()).toBe(0);
    expect(none.events).toEqual([]);
    open.close();

    const w = world(state, at('18:00'));
    const sweep = startClosingSweep({ ...w, config: cfg });
    await w.advance(at('18:00') + 1);
    expect(w.events).toEqual([{ type: 'ticket.cancelled', ticket: '001', reason: 'closed' }]);
    sweep.close();
  });
});
