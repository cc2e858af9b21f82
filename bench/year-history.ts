import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeHlc } from '../src/domain/clock/hlc.ts';
import { eventId, type EventBody, type StoreEvent } from '../src/domain/queue/events.ts';
import { EventFileStore } from '../src/hub/event-file-store.ts';
import { MemoryBroker, MemoryStorage } from '../src/sync/memory-transport.ts';
import { systemClock } from '../src/sync/ports.ts';
import { Replica } from '../src/sync/replica.ts';

/**
 * A year of a busy store (150,000 tickets, three events each) on a device and in the hub:
 * how long a device takes to open (first time: compacting 363 days; then: two days) and how
 * long the hub takes to load its day files.
 */
export interface YearFigures {
  readonly tickets: number;
  readonly events: number;
  readonly deviceFirstOpenMs: number;
  readonly deviceReopenMs: number;
  readonly deviceEventsKept: number;
  readonly deviceSummaries: number;
  readonly hubLoadMs: number;
  readonly hubEventsInMemory: number;
  readonly hubHeapMiB: number;
}

const DAY = 86_400_000;

function yearOfEvents(tickets: number): StoreEvent[] {
  const perDay = Math.ceil(tickets / 365);
  const out: StoreEvent[] = [];
  const seqs = { 'kiosk-1': 0, 'clerk-1': 0 };
  const now = Date.now();
  const ev = (device: keyof typeof seqs, wall: number, body: EventBody): StoreEvent => {
    const seq = ++seqs[device];
    return {
      id: eventId(device, seq),
      store: 'store-001',
      device,
      seq,
      hlc: encodeHlc({ wall, counter: 0 }),
      ...body,
    };
  };
  for (let d = 364; d >= 0; d--) {
    const open = now - d * DAY - 8 * 3_600_000;
    for (let i = 0; i < perDay && out.length / 3 < tickets; i++) {
      const t = `y${d}x${i}`;
      const at = open + i * 70_000;
      out.push(
        ev('kiosk-1', at, {
          type: 'ticket.issued',
          ticket: t,
          service: 'advice',
          number: `A${String(i + 1).padStart(3, '0')}`,
          n: i + 1,
        }),
      );
      out.push(
        ev('clerk-1', at + 300_000, { type: 'ticket.called', ticket: t, counter: 'counter-1' }),
      );
      out.push(
        ev('clerk-1', at + 600_000, { type: 'ticket.completed', ticket: t, counter: 'counter-1' }),
      );
    }
  }
  return out;
}

export async function measureYear(tickets = 150_000): Promise<YearFigures> {
  const events = yearOfEvents(tickets);
  const root = { prefix: 'nextup/v1', store: 'store-001' };
  const storage = new MemoryStorage();
  for (const e of events) storage.events.set(e.id, e);
  const open = () =>
    Replica.open({
      root,
      device: 'tablet',
      timeZone: 'UTC',
      storage,
      transport: new MemoryBroker().connect('tablet'),
      clock: systemClock,
    });
  let t0 = performance.now();
  const first = await open();
  const deviceFirstOpenMs = performance.now() - t0;
  await first.close();
  t0 = performance.now();
  const again = await open();
  const deviceReopenMs = performance.now() - t0;
  const deviceEventsKept = again.eventCount;
  await again.close();

  const dir = mkdtempSync(join(tmpdir(), 'nextup-year-'));
  const files = new EventFileStore(dir, 'UTC', { info: () => {}, warn: () => {} });
  await files.load(encodeHlc({ wall: Date.now(), counter: 0 }));
  for (let i = 0; i < events.length; i += 5000) await files.appendRemote(events.slice(i, i + 5000));
  await files.close();
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  t0 = performance.now();
  const hubFiles = new EventFileStore(dir, 'UTC', { info: () => {}, warn: () => {} });
  const hub = await Replica.open({
    root,
    device: 'agent-store-001',
    timeZone: 'UTC',
    storage: hubFiles,
    transport: new MemoryBroker().connect('agent'),
    clock: systemClock,
    role: 'agent',
  });
  const hubLoadMs = performance.now() - t0;
  global.gc?.();
  const hubHeapMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const figures: YearFigures = {
    tickets,
    events: events.length,
    deviceFirstOpenMs: Math.round(deviceFirstOpenMs),
    deviceReopenMs: Math.round(deviceReopenMs),
    deviceEventsKept,
    deviceSummaries: storage.summaries.size,
    hubLoadMs: Math.round(hubLoadMs),
    hubEventsInMemory: hub.eventCount,
    hubHeapMiB: Math.round(hubHeapMiB),
  };
  await hub.close();
  // the replica leaves its storage to its owner: the last days' files are open
  await hubFiles.close();
  rmSync(dir, { recursive: true, force: true });
  return figures;
}

if (process.argv[1]?.endsWith('year-history.ts')) {
  console.log(JSON.stringify(await measureYear(), null, 2));
}
