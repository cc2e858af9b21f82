import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeHlc } from '../../domain/clock/hlc.ts';
import { eventId, type EventBody, type StoreEvent } from '../../domain/queue/events.ts';
import { testStore } from '../../domain/testing/store.ts';
import { MemoryBroker, MemoryStorage } from '../../sync/memory-transport.ts';
import { systemClock } from '../../sync/ports.ts';
import { Replica } from '../../sync/replica.ts';
import { topics } from '../../sync/topics.ts';
import { tempDir, type TempDir } from '../hub-testing.ts';
import { createMemoryLogger } from '../log.ts';
import { arrived, startReceiver, type Receiver } from './receiver-testing.ts';
import { startWebhooks, type Webhooks } from './webhooks.ts';

/**
 * Events the store agent refuses (its checks judge them implausible) are kept in its history
 * with its verdict, but never join the store's state: they must never fire a webhook, neither
 * when they arrive nor when a restart queues the log past the queued mark again.
 */
const root = { prefix: testStore.mqtt.topicPrefix, store: testStore.store.id };
const AGENT = `agent-${testStore.store.id}`;

function kioskEvent(seq: number, body: EventBody): StoreEvent {
  const hlc = encodeHlc({ wall: Date.now(), counter: seq });
  return { id: eventId('kiosk-1', seq), store: root.store, device: 'kiosk-1', seq, hlc, ...body };
}
const issue = (seq: number, ticket: string, n: number) =>
  kioskEvent(seq, {
    type: 'ticket.issued',
    ticket,
    service: 'advice',
    number: `A${String(n).padStart(3, '0')}`,
    n,
  });

let dir: TempDir | undefined;
let receiver: Receiver | undefined;
let hooks: Webhooks | undefined;
let agent: Replica | undefined;
afterEach(async () => {
  await hooks?.close();
  await agent?.close();
  await receiver?.close();
  dir?.remove();
  hooks = receiver = dir = agent = undefined;
});

const openAgent = (broker: MemoryBroker, storage: MemoryStorage) =>
  Replica.open({
    root,
    device: AGENT,
    timeZone: testStore.store.timeZone,
    storage,
    transport: broker.connect(AGENT),
    clock: systemClock,
    role: 'agent',
    config: testStore,
  });

describe('webhooks and the events the store refuses', () => {
  it('fire for what the agent took, never for an event it refused, live or after a restart', async () => {
    dir = tempDir('hooks-refused');
    const webhooksDir = join(dir.path, 'webhooks');
    receiver = await startReceiver();
    const r = receiver;
    const broker = new MemoryBroker();
    const storage = new MemoryStorage();
    agent = await openAgent(broker, storage);
    hooks = await startWebhooks({ dir: webhooksDir, log: createMemoryLogger() });
    r.secret = (await hooks.add(r.url, ['ticket.issued'])).secret;
    hooks.follow(agent);

    // A001 twice: the second is refused (numberTaken), then a good A002 after it
    const good = issue(1, 'ticket-one', 1);
    const forged = issue(2, 'ticket-two', 1);
    const later = issue(3, 'ticket-three', 2);
    const kiosk = broker.connect('kiosk-1');
    const send = (events: StoreEvent[]) =>
      kiosk.publish(
        topics.events(root, 'kiosk-1'),
        JSON.stringify({ v: 1, kind: 'events', from: 'kiosk-1', events }),
        { qos: 1 },
      );
    await send([good, forged, later]);
    // deliveries leave in order: had the refused one been queued, it would come before A002
    await r.until((got) => arrived(got).some((g) => g.delivery === later.id));
    expect(agent.state.refused.has(forged.id)).toBe(true);
    expect(arrived(r.received).map((g) => g.delivery)).toEqual([good.id, later.id]);
    // the refused event is in the history, with the agent's verdict
    expect(storage.events.has(forged.id)).toBe(true);

    // a restart whose mark is before every event queues the whole log again: still not it
    const wh = hooks;
    await vi.waitFor(() => expect(wh.list()[0]?.pending).toBe(0));
    await hooks.close();
    await agent.close();
    writeFileSync(join(webhooksDir, 'queued.json'), '{}');
    agent = await openAgent(broker, storage);
    hooks = await startWebhooks({ dir: webhooksDir, log: createMemoryLogger() });
    hooks.follow(agent);
    await r.until((got) => got.filter((g) => g.mode === 'ok').length === 4);
    expect(r.received.map((g) => g.delivery)).toEqual([good.id, later.id, good.id, later.id]);
  });
});
