import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoreConfig } from '../../domain/config/types.ts';
import { kioskIssue, type KioskIssue } from '../../domain/kiosk/kiosk-issue.ts';
import { openCounter } from '../../domain/queue/commands.ts';
import { testStore } from '../../domain/testing/store.ts';
import { MemoryStorage } from '../memory-transport.ts';
import { Replica } from '../replica.ts';
import { SimNetwork } from './network.ts';
import { prng, SimScheduler } from './scheduler.ts';

/**
 * Issue 16 #19: a kiosk's rate limit, with a peer whose clock is minutes ahead. That peer's
 * events move every replica's hybrid clock on, so the kiosk's tickets carry times ahead of its
 * own clock; a limit checked on the device's clock saw them "in the future" and kept the kiosk
 * locked for minutes while promising a minute. The oracle: the kiosk is free at the moment it
 * promised (on its own clock), and never promises more than the limit's window.
 */
const START = Date.UTC(2026, 10, 23, 9, 0, 0);
const root = { prefix: 'nextup/v1', store: 'test-store' };

async function run(seed: number, peerAheadMs: number, maxTickets: number, windowSec: number) {
  const cfg: StoreConfig = {
    ...testStore,
    kiosk: { idleResetSec: 20, rateLimit: { maxTickets, windowSec } },
  };
  const scheduler = new SimScheduler(START);
  const net = new SimNetwork(scheduler, prng(seed));
  net.faults = { loss: 0, duplicate: 0, maxDelayMs: 100 };
  const open = (device: string, skew: number) =>
    Replica.open({
      root,
      device,
      timeZone: 'UTC',
      storage: new MemoryStorage(),
      transport: net.connect(device),
      clock: scheduler.clock(skew),
      role: device.startsWith('agent-') ? 'agent' : 'device',
      config: cfg,
    });
  const agent = await open('agent-test-store', 0);
  const kiosk = await open('kiosk-1', 0);
  const peer = await open('clerk-1', peerAheadMs);
  // the peer's event, stamped minutes ahead before it heard the agent's clock, reaches the
  // kiosk and moves its hybrid clock on
  const written = scheduler.now;
  await peer.run(() => openCounter('c1', ['advice']));
  // until the kiosk holds it (simulated time: as long as anti-entropy needs)
  for (let i = 0; i < 200 && (kiosk.vector()['clerk-1'] ?? 0) < 1; i++) {
    await scheduler.runUntil(scheduler.now + 500);
  }
  expect(kiosk.eventTime()).toBeGreaterThanOrEqual(written + peerAheadMs);

  let n = 0;
  const tap = async (): Promise<KioskIssue> => {
    let decided: KioskIssue | undefined;
    await kiosk.run((state, at) => {
      decided = kioskIssue(state, at, {
        cfg,
        kiosk: cfg.kiosks[0]!,
        device: 'kiosk-1',
        serviceId: 'advice',
        ticketId: `t${n++}`,
        priority: false,
      });
      // the wait promised, as the kiosk's countdown computes it (src/apps/kiosk/useIssueTicket.ts)
      if (decided.retryAt !== undefined) promise = Math.max(0, decided.retryAt - kiosk.now());
      return decided.result;
    });
    return decided!;
  };
  let promise = 0;
  for (let round = 0; round < 3; round++) {
    let first: KioskIssue;
    do first = await tap();
    while (first.result.ok);
    expect(first.result).toEqual({ ok: false, error: 'rateLimited' });
    expect(promise).toBeGreaterThan(0);
    // honest, and no longer than the window plus how far the peer's clock was ahead
    expect(promise).toBeLessThanOrEqual(windowSec * 1000 + peerAheadMs);
    // the customer waits exactly as long as the screen counted down
    await scheduler.runUntil(scheduler.now + promise);
    expect((await tap()).result.ok).toBe(true);
  }
  for (const r of [agent, kiosk, peer]) await r.close();
}

describe("a kiosk's rate limit on the events' time (property)", () => {
  it('is free at the moment it promised, with a peer clock up to 10 minutes ahead', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 10 * 60_000 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 10, max: 120 }),
        run,
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it('the case the store saw: a peer 5 minutes ahead, 4 tickets a minute', async () => {
    await run(1, 5 * 60_000, 4, 60);
  });
});
