import { describe, expect, it } from 'vitest';
import type { StoreConfig } from '../../domain/config/types.ts';
import type { CommandResult } from '../../domain/queue/commands.ts';
import type { StoreEvent } from '../../domain/queue/events.ts';
import { emptyState, type QueueState, type Ticket } from '../../domain/queue/state.ts';
import { heldPort } from './held-port.ts';
import { FollowerDevice, type FollowerOptions } from './tab-follower.ts';
import { LeaderServer, type LeaderDevice, type TabPort } from './tab-leader.ts';
import { serialQueue, type LeaderMessage, type TabMessage } from './tab-protocol.ts';
import type { DeviceRuntime, RunOutcome } from './types.ts';

/** BroadcastChannel's contract: a structured clone to every other port, later, in order. */
function bus() {
  const ports = new Set<(m: TabMessage) => void>();
  return (): TabPort & { last?: LeaderMessage } => {
    const mine = new Set<(m: TabMessage) => void>();
    const deliver = (m: TabMessage): void => mine.forEach((l) => l(structuredClone(m)));
    ports.add(deliver);
    return {
      post: (m) => {
        for (const p of ports) if (p !== deliver) setTimeout(() => p(m), 0);
      },
      listen(l) {
        mine.add(l);
        return () => mine.delete(l);
      },
    };
  };
}

/** A leader device whose "storage" takes a turn per write, like IndexedDB. */
function fakeLeader(): LeaderDevice & { state: QueueState } {
  const state = emptyState();
  let version = 0;
  let tail: Promise<unknown> = Promise.resolve();
  const listeners = new Set<() => void>();
  const device = {
    state,
    config: { services: [] } as unknown as StoreConfig,
    deviceId: 'clerk-1',
    subscribe: (l: () => void) => (listeners.add(l), () => listeners.delete(l)),
    getSnapshot: () => ({
      version,
      state,
      status: { connection: 'online' as const, pending: 0, freshness: 'current' as const },
      myConflicts: [],
    }),
    eventTime: () => Date.now(),
    storeNow: () => Date.now(),
    run(decide: (s: QueueState, at: number) => CommandResult): Promise<RunOutcome> {
      const next = tail.then(async (): Promise<RunOutcome> => {
        const result = decide(state, Date.now());
        if (!result.ok) return result;
        await new Promise((r) => setTimeout(r, 1));
        const body = result.event as Extract<StoreEvent, { type: 'ticket.issued' }>;
        if (state.tickets.has(body.ticket)) throw new Error(`${body.ticket} twice`);
        state.tickets.set(body.ticket, { id: body.ticket, n: body.n } as unknown as Ticket);
        version++;
        listeners.forEach((l) => l());
        return { ok: true, event: result.event as StoreEvent };
      });
      tail = next.catch(() => undefined);
      return next;
    },
    dismissConflict: () => undefined,
    estimate: (serviceId: string) => ({ serviceId }) as never,
    watchPresence: () =>
      Promise.resolve({
        list: () => [{ device: 'kiosk-1', role: 'kiosk', online: true, at: 1 }],
        subscribe: () => () => undefined,
      }),
    close: () => Promise.resolve(),
  };
  return device;
}

/** The next ticket on the state it is decided on: two decisions on one state would clash. */
const issueNext = (s: QueueState): CommandResult => {
  const n = s.tickets.size + 1;
  return {
    ok: true,
    event: { type: 'ticket.issued', ticket: `t${n}`, service: 'a', number: `A${n}`, n },
  };
};

/** Resolves once the tab shows a state that passes. */
function until(rt: DeviceRuntime, ok: (s: QueueState) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (!ok(rt.getSnapshot().state)) return;
      stop();
      resolve();
    };
    const stop = rt.subscribe(check);
    check();
  });
}

async function follower(
  port: TabPort,
  tab: string,
  more: Partial<Pick<FollowerOptions, 'presence' | 'onRemoved'>> = {},
): Promise<DeviceRuntime> {
  const presence = more.presence ?? false;
  return new Promise((resolve) => {
    const stop = port.listen((m) => {
      if (m.kind !== 'welcome' || m.to !== tab) return;
      stop();
      resolve(new FollowerDevice(port, { tab, welcome: m, presence, onRemoved: more.onRemoved }));
    });
    port.post({ kind: 'hello', from: tab, presence });
  });
}

describe('tabs of one store', () => {
  it('never decide two changes on the same state, whichever tab taps', async () => {
    const open = bus();
    const leader = fakeLeader();
    new LeaderServer(open(), leader, 'L');
    const [a, b] = await Promise.all([follower(open(), 'A'), follower(open(), 'B')]);
    // the turn lock followers take around a change (navigator.locks in tab-runtime.ts); the
    // leader's taps take it here too, so none is stale (a leader without it: the next test)
    const turn = serialQueue();
    const taps = [] as Promise<RunOutcome>[];
    for (let i = 0; i < 6; i++) {
      for (const tab of [a, b, leader]) taps.push(turn(() => tab.run(issueNext)));
    }
    const outcomes = await Promise.all(taps);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect([...leader.state.tickets.keys()].sort()).toHaveLength(18);
    // and the followers show what the leader holds
    await Promise.all([a, b].map((tab) => until(tab, (s) => s.tickets.size === 18)));
  });

  it('decide a follower’s change again while the leader’s own lands first', async () => {
    const open = bus();
    const leader = fakeLeader();
    new LeaderServer(open(), leader, 'L');
    const a = await follower(open(), 'A');
    // no turn taken: the leader's tap commits first, the follower's is stale once, then lands
    const taps = [leader.run(issueNext), a.run(issueNext)];
    const outcomes = await Promise.all(taps);
    expect(outcomes.map((o) => o.ok && o.event)).toMatchObject([
      { ticket: 't1' },
      { ticket: 't2' },
    ]);
  });

  it('serve a follower the leader’s estimates once it asks', async () => {
    const open = bus();
    new LeaderServer(open(), fakeLeader(), 'L');
    const a = await follower(open(), 'A');
    expect(a.estimate('advice')).toBeUndefined();
    // a screen that renders across turns asks for more once the first question went out
    await Promise.resolve();
    expect(a.estimate('returns')).toBeUndefined();
    await new Promise<void>((resolve) => {
      const stop = a.subscribe(() => {
        if (a.estimate('advice') === undefined) return;
        stop();
        resolve();
      });
    });
    expect(a.estimate('advice')).toEqual({ serviceId: 'advice' });
    await until(a, () => a.estimate('returns') !== undefined);
    // a ticket's own wait, asked for later, is asked for and answered too
    expect(a.estimate('advice', 't1')).toBeUndefined();
    await new Promise<void>((resolve) => {
      const stop = a.subscribe(() => {
        if (a.estimate('advice', 't1') === undefined) return;
        stop();
        resolve();
      });
    });
  });

  it('miss none of the leader’s changes while a follower’s code loads', async () => {
    const open = bus();
    const leader = fakeLeader();
    new LeaderServer(open(), leader, 'L');
    const port = open();
    const welcome = await new Promise<Extract<LeaderMessage, { kind: 'welcome' }>>((resolve) => {
      const stop = port.listen((m) => {
        if (m.kind !== 'welcome' || m.to !== 'A') return;
        stop();
        resolve(m);
      });
      port.post({ kind: 'hello', from: 'A', presence: false });
    });
    // as tab-runtime.ts does while it imports tab-follower.ts
    const held = heldPort(port);
    const snapshotSent = new Promise<void>((resolve) => {
      const stop = port.listen((m) => {
        if (m.kind !== 'snapshot' || m.snapshot.state.tickets.size === 0) return;
        stop();
        resolve();
      });
    });
    await leader.run(issueNext);
    await snapshotSent;
    const a = new FollowerDevice(held.port, { tab: 'A', welcome, presence: false });
    expect(a.getSnapshot().state.tickets.size).toBe(1);
    // and the live ones after
    await leader.run(issueNext);
    await until(a, (s) => s.tickets.size === 2);
  });

  it('decide a change sent to a leader that went away again on the next leader', async () => {
    const open = bus();
    const first = fakeLeader();
    const server = new LeaderServer(open(), first, 'L1');
    const a = await follower(open(), 'A');
    server.close(); // the leader's tab is gone: the change waits
    const tap = a.run(issueNext);
    const next = fakeLeader();
    next.state.tickets.set('t1', { id: 't1', n: 1 } as unknown as Ticket);
    new LeaderServer(open(), next, 'L2');
    const outcome = await tap;
    expect(outcome.ok && outcome.event).toMatchObject({ ticket: 't2' });
    expect(first.state.tickets.size).toBe(0);
  });

  it('start presence at the leader for a follower showing the manager’s board, and stop every tab when the device is revoked', async () => {
    const open = bus();
    const server = new LeaderServer(open(), fakeLeader(), 'L');
    let onRemoved = (): void => undefined;
    const removed = new Promise<void>((resolve) => (onRemoved = resolve));
    const manager = await follower(open(), 'M', { presence: true, onRemoved: () => onRemoved() });
    await new Promise<void>((resolve) => {
      const check = (): void => {
        if (manager.presence!.list().length === 0) return;
        stop();
        resolve();
      };
      const stop = manager.presence!.subscribe(check);
      check();
    });
    expect(manager.presence!.list().map((e) => e.device)).toEqual(['kiosk-1']);
    server.removed();
    await removed;
  });
});
