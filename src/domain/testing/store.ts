import type { StoreConfig } from '../config/types.ts';
import { encodeHlc } from '../clock/hlc.ts';
import { eventId, type EventBody, type StoreEvent } from '../queue/events.ts';

/** A small store for tests of the domain and the replica. */
export const testStore: StoreConfig = {
  store: {
    id: 'test-store',
    name: { en: 'Test' },
    timeZone: 'UTC',
    defaultLanguage: 'en',
    languages: ['en'],
  },
  services: [
    { id: 'advice', prefix: 'A', name: { en: 'Advice' }, targetWaitSec: 300, avgServiceSec: 240 },
    { id: 'returns', prefix: 'R', name: { en: 'Returns' }, targetWaitSec: 600, avgServiceSec: 180 },
  ],
  counters: [
    { id: 'c1', name: { en: 'Counter 1' }, services: ['advice', 'returns'] },
    { id: 'c2', name: { en: 'Counter 2' }, services: ['advice'] },
  ],
  kiosks: [
    { id: 'kiosk-1', name: { en: 'Entrance' }, range: { from: 1, to: 499 } },
    { id: 'kiosk-2', name: { en: 'Desk' }, range: { from: 500, to: 999 } },
  ],
  mqtt: { topicPrefix: 'nextup/v1', browserUrl: '' },
  kiosk: { idleResetSec: 20 },
};

/** Builds a log event with an explicit time, for fold tests. */
export function ev(
  device: string,
  seq: number,
  wall: number,
  body: EventBody,
  store = 'test-store',
): StoreEvent {
  const meta = {
    id: eventId(device, seq),
    store,
    device,
    seq,
    hlc: encodeHlc({ wall, counter: 0 }),
  };
  return { ...meta, ...body };
}

/** A ticket issued by `device` as its `seq`th event at `wall`, for storage and replica tests. */
export function issuedEvent(device: string, seq: number, wall: number): StoreEvent {
  return ev(device, seq, wall, {
    type: 'ticket.issued',
    ticket: `${device}-t${seq}`,
    service: 'advice',
    number: `A${seq}`,
    n: seq,
  });
}
