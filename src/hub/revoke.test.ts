import { afterEach, describe, expect, it } from 'vitest';
import { openCounter } from '../domain/queue/commands.ts';
import type { Agent } from './agent.ts';
import { startQuietHub, type QuietHub } from './hub-testing.ts';
import { nodeDevice, realAgent, until } from './node-devices-testing.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A hub with the real store agent, whose replica the test reads. */
async function hubWithAgent(): Promise<{ q: QuietHub; agent: () => Agent }> {
  const handle = realAgent();
  const q = await startQuietHub({}, handle);
  cleanups.push(() => q.close());
  return { q, agent: () => handle.agent() };
}

/** A clerk tablet's replica on the hub's broker; counts the broker's refusals of it. */
async function clerk(q: QuietHub, id: string) {
  let refused = 0;
  const device = await nodeDevice(q, id, 'clerk', {
    // tries quickly, so the hub's log sees many refusals within the test
    reconnectMs: 20,
    authBackoffCapMs: 40,
    onAuthRefused: () => refused++,
  });
  cleanups.push(() => device.close());
  await until(() => device.transport.state === 'online', `${id} online`);
  return { id: device.id, replica: device.replica, refused: () => refused };
}

async function revoke(q: QuietHub, id: string): Promise<number> {
  const m = q.hub.registry.enroll({ role: 'manager', trusted: true });
  const res = await fetch(`${q.hub.httpUrl}/api/devices/revoke`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Basic ${Buffer.from(`${m.username}:${m.password}`).toString('base64')}`,
    },
    body: JSON.stringify({ id }),
  });
  return res.status;
}

describe('revoking a tablet', () => {
  it('closes the counters it holds open in the store log, in one line, and no one else’s', async () => {
    const { q, agent } = await hubWithAgent();
    const gone = await clerk(q, 'clerk-gone');
    const stays = await clerk(q, 'clerk-stays');
    const [c1, c2, c3] = q.hub.config.counters.map((c) => c.id);
    const services = q.hub.config.services.map((s) => s.id);
    for (const c of [c1!, c2!]) expect((await gone.replica.run(() => openCounter(c, services))).ok);
    expect((await stays.replica.run(() => openCounter(c3!, services))).ok).toBe(true);
    const open = (c: string) => agent().replica.state.counters.get(c)?.open === true;
    await until(() => open(c1!) && open(c2!) && open(c3!), 'three counters open at the agent');

    expect(await revoke(q, gone.id)).toBe(200);
    await until(() => !open(c1!) && !open(c2!), 'the revoked tablet’s counters closed');
    expect(open(c3!)).toBe(true);
    // the other tablet hears it like any close
    await until(() => stays.replica.state.counters.get(c1!)?.open === false, 'closed on a peer');
    const closed = [...agent().replica.state.counters.values()].filter((c) => !c.open);
    expect(closed.map((c) => c.id).sort()).toEqual([c1, c2].sort());
    expect(q.log.find(`held open by ${gone.id}, which was revoked`)).toEqual([
      expect.stringContaining(`closed ${[c1, c2].sort().join(', ')}`),
    ]);
  });

  it('logs a revoked tablet that keeps retrying once, not once per try', async () => {
    const { q } = await hubWithAgent();
    const gone = await clerk(q, 'clerk-retries');
    expect(await revoke(q, gone.id)).toBe(200);
    await until(() => gone.refused() >= 10, 'ten refused tries');
    const aboutIt = q.log.lines.filter((l) => l.includes(gone.id) && l.includes('WARN'));
    expect(aboutIt).toEqual([expect.stringContaining(`client ${gone.id} refused`)]);
  });

  it('tells the device itself that it was revoked, and only a device holding its secret', async () => {
    const { q } = await hubWithAgent();
    const who = q.hub.registry.enroll({ role: 'clerk', trusted: true });
    const status = async (user: string, password: string) => {
      const res = await fetch(`${q.hub.httpUrl}/api/devices/status`, {
        method: 'POST',
        headers: {
          Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
        },
      });
      return ((await res.json()) as { status: string }).status;
    };
    expect(await status(who.username, who.password)).toBe('active');
    expect(await revoke(q, who.deviceId)).toBe(200);
    expect(await status(who.username, who.password)).toBe('revoked');
    expect(await status(who.username, 'a guess')).toBe('unknown');
    expect(await status('clerk-nobody', who.password)).toBe('unknown');
  });
});
