import type { BrowserContext, WebSocketRoute } from 'playwright-core';

/**
 * Holds back the hub's catch-up for a browser's devices: every MQTT PUBLISH of events that the
 * broker sends over the context's MQTT WebSocket (`sync/to/…`, the agent's answer to one
 * device, and `sync/events/…`, events as devices and the agent publish them: the agent's own
 * may come again that way) waits until `release()`; everything else (the agent's vector,
 * config, presence, acknowledgements) passes at once. So a test sees a device that is
 * connected and knows it is behind, for as long as the test needs, bounded by its own events
 * rather than by timing.
 */
export interface HeldCatchUp {
  /** Catch-up packets held so far. */
  readonly held: () => number;
  /** Sends what was held, in order, and lets later catch-up through. */
  release(): void;
}

const PUBLISH = 3;

export async function holdCatchUp(context: BrowserContext): Promise<HeldCatchUp> {
  let holding = true;
  const queues: { page: WebSocketRoute; packets: Buffer[] }[] = [];
  let count = 0;
  await context.routeWebSocket(
    (url) => url.pathname.endsWith('/mqtt'),
    (page) => {
      const server = page.connectToServer();
      const queue = { page, packets: [] as Buffer[] };
      queues.push(queue);
      page.onMessage((m) => server.send(m));
      let pending = Buffer.alloc(0);
      server.onMessage((m) => {
        pending = Buffer.concat([pending, typeof m === 'string' ? Buffer.from(m) : m]);
        for (;;) {
          const size = packetSize(pending);
          if (size === undefined) return;
          const packet = pending.subarray(0, size);
          pending = pending.subarray(size);
          if (holding && isCatchUp(packet)) {
            count++;
            queue.packets.push(packet);
          } else page.send(packet);
        }
      });
    },
  );
  return {
    held: () => count,
    release() {
      holding = false;
      for (const q of queues) for (const p of q.packets.splice(0)) q.page.send(p);
    },
  };
}

/** Length of the first whole MQTT packet in `b`, or undefined while it is incomplete. */
function packetSize(b: Buffer): number | undefined {
  let length = 0;
  let multiplier = 1;
  for (let i = 1; i <= 4; i++) {
    if (i >= b.length) return undefined;
    const byte = b[i]!;
    length += (byte & 0x7f) * multiplier;
    multiplier *= 128;
    if ((byte & 0x80) === 0) return b.length >= 1 + i + length ? 1 + i + length : undefined;
  }
  throw new Error('malformed MQTT remaining length from the broker');
}

function isCatchUp(packet: Buffer): boolean {
  if (packet[0]! >> 4 !== PUBLISH) return false;
  let header = 2;
  while (packet[header - 1]! & 0x80) header++;
  const topicLength = packet.readUInt16BE(header);
  const topic = packet.subarray(header + 2, header + 2 + topicLength).toString('utf8');
  return topic.includes('/sync/to/') || topic.includes('/sync/events/');
}
