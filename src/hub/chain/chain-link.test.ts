// The link's driver on virtual time with a sink standing in for JetStream: the history past the
// cursor goes out oldest day first, the cursor file is written after acks and read back at the
// next start, and live events wait for the backlog.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../../domain/clock/hlc.ts';
import type { StoreEvent } from '../../domain/queue/events.ts';
import { simTime } from '../../sync/simulation/sim-time.ts';
import { createMemoryLogger } from '../log.ts';
import { startChainLink, type LinkHistory, type LinkSink } from './chain-link.ts';

const DAY_MS = 86_400_000;
const T0 = Date.UTC(2026, 5, 1, 10);

function event(device: string, seq: number, wall: number): StoreEvent {
  return {
    id: `${device}:${seq}`,
    store: 'store-001',
    device,
    seq,
    hlc: encodeHlc({ wall, counter: 0 }),
    type: 'ticket.cancelled',
    ticket: `t${seq}`,
  };
}

/** Three store days of one kiosk, five events a day. */
function history(): LinkHistory & { events: StoreEvent[] } {
  const events = Array.from({ length: 15 }, (_, i) =>
    event('kiosk-1', i + 1, T0 + Math.floor(i / 5) * DAY_MS),
  );
  const day = (e: StoreEvent) => new Date(Number(e.hlc.slice(0, 15))).toISOString().slice(0, 10);
  return {
    events,
    days: () => Promise.resolve([...new Set(events.map(day))].sort()),
    readDay: (d) => Promise.resolve(events.filter((e) => day(e) === d)),
  };
}

/** JetStream as seen by the hub: every publish recorded, answered when the test says. */
function sink() {
  const sent: { subject: string; msgId: string; ack(): void }[] = [];
  const s: LinkSink = {
    publishEvent: (subject, _body, msgId) =>
      new Promise<void>((ack) => sent.push({ subject, msgId, ack })),
    publishLive: () => undefined,
  };
  return { s, sent };
}

describe('the store link driver', () => {
  it('sends the history oldest first, writes the cursor, and resumes from it', async () => {
    const time = simTime(T0 + 3 * DAY_MS);
    const dir = mkdtempSync(join(tmpdir(), 'nextup-link-'));
    const cursorFile = join(dir, 'chain', 'cursor.json');
    const h = history();
    const deps = {
      store: 'store-001',
      timeZone: 'UTC',
      history: h,
      cursorFile,
      clock: time.clock(),
      log: createMemoryLogger(),
    };
    const link = await startChainLink(deps);
    await link.scanned;
    link.committed([event('kiosk-1', 16, T0 + 3 * DAY_MS)]); // live: after the backlog
    const net = sink();
    link.connected(net.s, 'nats://n1');
    await time.until(() => net.sent.length === 16);
    expect(net.sent.map((m) => m.msgId)).toEqual(
      Array.from({ length: 16 }, (_, i) => `store-001:kiosk-1:${i + 1}`),
    );
    expect(net.sent[0]!.subject).toBe('nextup.store-001.events.2026-06-01');
    for (const m of net.sent.slice(0, 7)) m.ack();
    // the write is real I/O: each step of virtual time waits for the writes it queued
    await untilOnDisk(time, link, cursorFile);
    await time.pass(1000);
    expect(JSON.parse(readFileSync(cursorFile, 'utf8'))).toEqual({
      devices: { 'kiosk-1': { upTo: 7 } },
      scanFrom: '2026-06-02',
    });
    await link.close();

    // the next start reads from the cursor's day and sends only what was not acknowledged
    const again = await startChainLink(deps);
    await again.scanned;
    const net2 = sink();
    again.connected(net2.s, 'nats://n2');
    await time.until(() => net2.sent.length === 8);
    expect(net2.sent[0]!.msgId).toBe('store-001:kiosk-1:8');
    await again.close();
  });
});

/** Virtual time runs until `file` is written, never ahead of the link's queued writes. */
async function untilOnDisk(
  time: ReturnType<typeof simTime>,
  link: { flushed(): Promise<void> },
  file: string,
): Promise<void> {
  const end = time.now() + 3000;
  while (!readable(file)) {
    if (time.now() >= end) throw new Error(`${file} not written in 3000 ms of virtual time`);
    await time.pass(10);
    await link.flushed();
  }
}

function readable(file: string): boolean {
  try {
    readFileSync(file);
    return true;
  } catch {
    return false;
  }
}
