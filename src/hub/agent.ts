import { join } from 'node:path';
import type { StoreConfig } from '../domain/config/types.ts';
import { wallOf } from '../domain/clock/hlc.ts';
import type { StoreEvent } from '../domain/queue/events.ts';
import { createMqttTransport } from '../sync/mqtt-transport.ts';
import { systemClock, type Clock } from '../sync/ports.ts';
import { Replica } from '../sync/replica.ts';
import { presencePayload, topics } from '../sync/topics.ts';
import { EventFileStore } from './event-file-store.ts';
import type { Logger } from './log.ts';

export interface AgentOptions {
  readonly config: StoreConfig;
  readonly brokerUrl: string;
  readonly dataDir: string;
  readonly log: Logger;
  readonly clock?: Clock;
}

export interface Agent {
  readonly replica: Replica;
  close(): Promise<void>;
}

/** Calls older than this (arriving by catch-up) are history, not announcements. */
const LIVE_CALL_MS = 2 * 60_000;

/**
 * The store agent: a replica like any device, but with durable history on disk, that answers
 * every device's catch-up and publishes the public topics (DESIGN.md section 4).
 */
export async function startAgent(opts: AgentOptions): Promise<Agent> {
  const { config, log } = opts;
  const clock = opts.clock ?? systemClock;
  const root = { prefix: config.mqtt.topicPrefix, store: config.store.id };
  const device = `agent-${config.store.id}`;
  const storage = new EventFileStore(join(opts.dataDir, config.store.id), (m) => log.warn('agent', m));
  const presenceTopic = topics.presence(root, device);
  const transport = createMqttTransport({
    url: opts.brokerUrl,
    clientId: device,
    will: { topic: presenceTopic, payload: presencePayload(device, 'agent', false, clock.now()), retain: true },
    hello: () => ({ topic: presenceTopic, payload: presencePayload(device, 'agent', true, clock.now()), retain: true }),
  });
  let lastState = transport.state;
  transport.onStateChange((s) => {
    if (s === lastState) return;
    lastState = s;
    if (s === 'online') log.info('agent', `connected to broker ${opts.brokerUrl}`);
    else if (s === 'offline') log.warn('agent', `lost the broker ${opts.brokerUrl}; retrying`);
  });

  const publishCalls = (events: readonly StoreEvent[]): void => {
    const now = clock.now();
    for (const e of events) {
      if (e.type !== 'ticket.called' && e.type !== 'ticket.recalled') continue;
      const at = wallOf(e.hlc);
      if (now - at > LIVE_CALL_MS) continue;
      const t = replica.state.tickets.get(e.ticket);
      if (!t) continue;
      const payload = JSON.stringify({
        ticket: t.id,
        number: t.number,
        service: t.service,
        counter: e.counter,
        at: new Date(at).toISOString(),
        recall: e.type === 'ticket.recalled',
      });
      void transport.publish(topics.calls(root), payload, { qos: 1 }).catch(() => undefined);
    }
  };

  const replica: Replica = await Replica.open({
    root,
    device,
    timeZone: config.store.timeZone,
    storage,
    transport,
    clock,
    servesAll: true,
    onRejected: (reason) => log.warn('agent', reason),
    onRemoteApplied: (events) => {
      const from = new Set(events.map((e) => e.device));
      log.info('agent', `stored ${events.length} event${events.length === 1 ? '' : 's'} from ${[...from].join(', ')}`);
      publishCalls(events);
    },
  });
  log.info('agent', `history loaded: ${replica.eventCount} events for store ${config.store.id}`);

  return {
    replica,
    async close() {
      await replica.close();
      try {
        await transport.publish(presenceTopic, presencePayload(device, 'agent', false, clock.now()), {
          qos: 1,
          retain: true,
        });
      } catch {
        // broker already gone: the will says the same
      }
      await transport.close();
      await storage.close();
    },
  };
}
