import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DELIVERY, retryDelay } from '../src/domain/webhooks/delivery.ts';
import { WEBHOOK_KINDS } from '../src/domain/webhooks/kinds.ts';
import { createMemoryLogger } from '../src/hub/log.ts';
import { arrived, startReceiver, type Receiver } from '../src/hub/webhooks/receiver-testing.ts';
import { fakeCommits, visitMaker } from '../src/hub/webhooks/committed-testing.ts';
import { startWebhooks } from '../src/hub/webhooks/webhooks.ts';

/**
 * The webhook figures of the README, against a receiver on 127.0.0.1 and the hub's real
 * queues on the disk (fsync'd), with the default retry policy:
 *   deliveries per second: a backlog of ticket events to 1 and to 4 endpoints, until all
 *     arrived;
 *   delay after recovery: an endpoint fails (HTTP 500) for OUTAGE_SEC while events keep
 *     coming, then works again: how long until the first queued delivery arrives, and until
 *     the backlog is empty. The worst case over any outage is the backoff cap.
 * Run: npm run bench:webhooks (TICKETS=1000 OUTAGE_SEC=20 to change the sizes).
 */
const TICKETS = Number(process.env['TICKETS'] ?? 1000);
const OUTAGE_SEC = Number(process.env['OUTAGE_SEC'] ?? 20);
const T0 = Date.UTC(2026, 11, 7, 9);

const visit = visitMaker(T0);

async function throughput(endpoints: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'nextup-bench-hooks-'));
  const receivers: Receiver[] = [];
  const hooks = await startWebhooks({ dir, log: createMemoryLogger() });
  for (let i = 0; i < endpoints; i++) {
    const r = await startReceiver();
    r.secret = (await hooks.add(r.url, WEBHOOK_KINDS)).secret;
    receivers.push(r);
  }
  const source = fakeCommits();
  hooks.follow(source);
  const events = Array.from({ length: TICKETS }, (_, i) => visit(i + 1)).flat();
  const start = performance.now();
  // committed as the agent would: batches of a few events
  for (let i = 0; i < events.length; i += 30) source.commit(events.slice(i, i + 30));
  await Promise.all(receivers.map((r) => r.until((got) => arrived(got).length === events.length)));
  const sec = (performance.now() - start) / 1000;
  if (!receivers.every((r) => r.received.every((g) => g.signed))) throw new Error('bad signature');
  await hooks.close();
  await Promise.all(receivers.map((r) => r.close()));
  rmSync(dir, { recursive: true, force: true });
  return (events.length * endpoints) / sec;
}

async function recovery(): Promise<{ firstMs: number; drainedMs: number; queued: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'nextup-bench-hooks-'));
  const r = await startReceiver();
  const hooks = await startWebhooks({ dir, log: createMemoryLogger() });
  r.secret = (await hooks.add(r.url, WEBHOOK_KINDS)).secret;
  const source = fakeCommits();
  hooks.follow(source);
  r.mode = 'fail';
  const failedAt = Date.now();
  let t = 100_000;
  // a ticket a second during the outage
  while (Date.now() - failedAt < OUTAGE_SEC * 1000) {
    source.commit(visit(t++));
    await new Promise((ok) => setTimeout(ok, 1000));
  }
  const queued = hooks.list()[0]?.pending ?? 0;
  r.mode = 'ok';
  const recovered = Date.now();
  await r.until((got) => arrived(got).length >= 1);
  const firstMs = arrived(r.received)[0]!.at - recovered;
  await r.until((got) => arrived(got).length >= queued);
  const drainedMs = Date.now() - recovered;
  await hooks.close();
  await r.close();
  rmSync(dir, { recursive: true, force: true });
  return { firstMs, drainedMs, queued };
}

const one = await throughput(1);
const four = await throughput(4);
console.log(`deliveries per second, 1 endpoint:  ${one.toFixed(0)} (${TICKETS * 3} deliveries)`);
console.log(`deliveries per second, 4 endpoints: ${four.toFixed(0)} (all endpoints together)`);
const rec = await recovery();
console.log(
  `after a ${OUTAGE_SEC} s outage (${rec.queued} queued): first delivery ${(rec.firstMs / 1000).toFixed(1)} s after recovery, backlog empty after ${(rec.drainedMs / 1000).toFixed(1)} s`,
);
console.log(
  `worst delay after recovery for any outage: the backoff cap, ${retryDelay(99, DEFAULT_DELIVERY) / 1000} s (+ the time to send the backlog)`,
);
