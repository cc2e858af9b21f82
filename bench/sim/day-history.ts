import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { encodeHlc } from '../../src/domain/clock/hlc.ts';
import { eventId, type EventBody, type StoreEvent } from '../../src/domain/queue/events.ts';
import { EventFileStore } from '../../src/hub/event-file-store.ts';

/** The four services of the shipped configuration, with their ticket prefixes. */
const SERVICES = [
  ['advice', 'A'],
  ['returns', 'R'],
  ['pickup', 'P'],
  ['checkout', 'C'],
] as const;

/**
 * `tickets` tickets issued earlier today by another kiosk (numbers from `firstN`), each called
 * and completed at a counter, except the last few which still wait: the history a kiosk and
 * the hub hold by the afternoon of a busy day (three events a ticket).
 */
export function dayOfEvents(opts: {
  store: string;
  tickets: number;
  /** Wall time of the first ticket; the others follow a few milliseconds apart. */
  startWall: number;
  firstN?: number;
  stillWaiting?: number;
}): StoreEvent[] {
  const firstN = opts.firstN ?? 100_000;
  const waiting = opts.stillWaiting ?? 20;
  const seqs: Record<string, number> = {};
  const out: StoreEvent[] = [];
  const ev = (device: string, wall: number, body: EventBody): StoreEvent => {
    const seq = (seqs[device] = (seqs[device] ?? 0) + 1);
    return {
      id: eventId(device, seq),
      store: opts.store,
      device,
      seq,
      hlc: encodeHlc({ wall, counter: 0 }),
      ...body,
    };
  };
  const step = 3;
  for (let i = 0; i < opts.tickets; i++) {
    const [service, prefix] = SERVICES[i % SERVICES.length]!;
    const n = firstN + Math.floor(i / SERVICES.length);
    const ticket = `seed-${i}`;
    const at = opts.startWall + i * step;
    out.push(
      ev('kiosk-seed', at, { type: 'ticket.issued', ticket, service, number: `${prefix}${n}`, n }),
    );
    if (i >= opts.tickets - waiting) continue;
    const counter = `counter-${(i % 4) + 1}`;
    out.push(ev(`clerk-seed-${counter}`, at + 1, { type: 'ticket.called', ticket, counter }));
    out.push(ev(`clerk-seed-${counter}`, at + 2, { type: 'ticket.completed', ticket, counter }));
  }
  return out;
}

/** Writes events into a hub data folder as the agent's durable day files (before it starts). */
export async function seedHubHistory(
  dataDir: string,
  store: string,
  timeZone: string,
  events: readonly StoreEvent[],
): Promise<void> {
  const dir = join(dataDir, store);
  mkdirSync(dir, { recursive: true });
  const files = new EventFileStore(dir, timeZone, { info: () => {}, warn: () => {} });
  await files.load(encodeHlc({ wall: Date.now(), counter: 0 }));
  for (let i = 0; i < events.length; i += 5000) await files.appendRemote(events.slice(i, i + 5000));
  await files.close();
}
