import { connectAsync, type IClientOptions, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueTicket } from '../../src/domain/queue/commands.ts';
import type { StoreEvent } from '../../src/domain/queue/events.ts';
import { waitingTickets } from '../../src/domain/queue/selectors.ts';
import { MemoryStorage } from '../../src/sync/memory-transport.ts';
import { createMqttTransport } from '../../src/sync/mqtt-transport.ts';
import { systemClock } from '../../src/sync/ports.ts';
import { Replica } from '../../src/sync/replica.ts';
import { topics } from '../../src/sync/topics.ts';
import { deviceCredentials } from '../support/hub.ts';
import { brokerKnows, startStoreHub, type StoreHub } from '../support/store-hub.ts';

/**
 * Issue 15, breakage 3, on both brokers: a kiosk's own credentials, publishing only what its
 * role may (so the embedded broker lets it through, and Mosquitto reads no payload anyway),
 * cannot put a ticket 2 h back first in line, take a shown ticket's id, end another kiosk's
 * range, flood the line, or make the agent send the day to every subscriber.
 */
const quiet: IClientOptions = { reconnectPeriod: 0, connectTimeout: 5000 };
const hlc = (ms: number, counter = 0) =>
  `${String(ms).padStart(15, '0')}-${String(counter).padStart(5, '0')}`;

describe.each(['embedded', 'mosquitto'] as const)(
  "a kiosk's credentials on the %s broker",
  (kind) => {
    let s: StoreHub;
    const closers: (() => Promise<unknown>)[] = [];
    beforeAll(async () => {
      s = await startStoreHub(kind);
    });
    afterAll(async () => {
      for (const c of closers.reverse()) await c().catch(() => undefined);
      await s?.close();
    });

    const credentials = async (role: 'kiosk' | 'clerk', id: string) => {
      const who = deviceCredentials(s.hub, role, id);
      await brokerKnows(s, who, true);
      return who;
    };
    /** A tablet's replica in Node, without the store configuration (as tablets run today). */
    const tablet = async (role: 'kiosk' | 'clerk', id: string) => {
      const who = await credentials(role, id);
      const transport = createMqttTransport({ url: s.hub.mqttUrl, ...who, reconnectMs: 200 });
      const { config } = s.hub;
      const r = await Replica.open({
        root: { prefix: config.mqtt.topicPrefix, store: config.store.id },
        device: id,
        timeZone: config.store.timeZone,
        storage: new MemoryStorage(),
        transport,
        clock: systemClock,
        antiEntropyMs: 1000,
      });
      closers.push(
        () => r.close(),
        () => transport.close(),
      );
      return r;
    };
    /** A client with a kiosk's (or clerk's) credentials that writes its messages by hand. */
    const hostile = async (role: 'kiosk' | 'clerk', id: string) => {
      const who = await credentials(role, id);
      const c: MqttClient = await connectAsync(s.hub.mqttUrl, { ...quiet, ...who });
      c.on('error', () => undefined);
      closers.push(() => c.endAsync(true));
      const { config } = s.hub;
      const root = { prefix: config.mqtt.topicPrefix, store: config.store.id };
      let seq = 0;
      return {
        client: c,
        root,
        event: (wall: number, body: Record<string, unknown>, counter = 0): StoreEvent => {
          seq++;
          const e = {
            id: `${id}:${seq}`,
            store: root.store,
            device: id,
            seq,
            hlc: hlc(wall, counter),
          };
          return { ...e, ...body } as StoreEvent;
        },
        send: (events: StoreEvent[]) =>
          c.publishAsync(
            topics.events(root, id),
            JSON.stringify({ v: 1, kind: 'events', from: id, events }),
            { qos: 1 },
          ),
        announce: (vector: Record<string, number> = { [id]: seq }) =>
          c.publishAsync(
            topics.vector(root, id),
            JSON.stringify({ v: 1, kind: 'vector', from: id, vector, at: Date.now() }),
            { qos: 0 },
          ),
      };
    };
    const refusedEverywhere = (rs: Replica[], id: string) =>
      expect.poll(() => rs.every((r) => r.state.refused.has(id)), { timeout: 10_000 }).toBe(true);

    it('refuses the ticket 2 h back, the reused id and the number in no range, on the agent and on a tablet', async () => {
      const { config } = s.hub;
      const kiosk = await tablet('kiosk', `kiosk-honest-${kind}`);
      const clerk = await tablet('clerk', `clerk-watch-${kind}`);
      const issued = await kiosk.run((st) =>
        issueTicket(st, config, config.kiosks[0]!, config.services[0]!.id, `victim-${kind}`),
      );
      if (!issued.ok || issued.event.type !== 'ticket.issued') throw new Error('not issued');
      const victim = issued.event;
      await expect
        .poll(() => clerk.state.tickets.has(victim.ticket), { timeout: 10_000 })
        .toBe(true);
      const evil = await hostile('kiosk', `kiosk-evil-${kind}`);
      await evil.announce();
      await new Promise((r) => setTimeout(r, 300));
      const other = config.services.find((x) => x.id !== victim.service)!;
      const backdated = evil.event(Date.now() - 2 * 3_600_000, {
        type: 'ticket.issued',
        ticket: `back-${kind}`,
        service: victim.service,
        number: `${victim.number[0]}400`,
        n: 400,
      });
      const copy = evil.event(Number(victim.hlc.slice(0, 15)) - 1000, {
        type: 'ticket.issued',
        ticket: victim.ticket,
        service: other.id,
        number: `${other.prefix}999`,
        n: 999,
      });
      const outside = evil.event(Date.now(), {
        type: 'ticket.issued',
        ticket: `outside-${kind}`,
        service: victim.service,
        number: `${victim.number[0]}5000`,
        n: 5000,
      });
      await evil.send([backdated, copy, outside]);
      const everyone = [s.agent.replica, clerk, kiosk];
      for (const e of [backdated, copy, outside]) await refusedEverywhere(everyone, e.id);
      expect(s.agent.replica.state.refused.get(backdated.id)).toBe('clockBehind');
      expect(s.agent.replica.state.refused.get(copy.id)).toBe('ticketTaken');
      expect(s.agent.replica.state.refused.get(outside.id)).toBe('numberOutOfRange');
      for (const r of everyone) {
        expect(r.state.tickets.get(victim.ticket)).toMatchObject({
          number: victim.number,
          service: victim.service,
        });
        expect(waitingTickets(r.state).map((t) => t.id)).toEqual([victim.ticket]);
      }
    });

    it('holds 5,000 tickets in 3.6 s to the kiosk rate limit', async () => {
      const { config } = s.hub;
      const clerk = await tablet('clerk', `clerk-burst-${kind}`);
      const evil = await hostile('kiosk', `kiosk-burst-${kind}`);
      const service = config.services[1]!;
      const from = config.kiosks[1]!.range.from;
      const start = Date.now();
      const burst = Array.from({ length: 5000 }, (_, i) =>
        evil.event(
          start + Math.floor((i * 3600) / 5000),
          {
            type: 'ticket.issued',
            ticket: `burst-${kind}-${i}`,
            service: service.id,
            number: `${service.prefix}${from + (i % 400)}`,
            n: from + (i % 400),
          },
          i,
        ),
      );
      for (let i = 0; i < burst.length; i += 100) await evil.send(burst.slice(i, i + 100));
      const id = `kiosk-burst-${kind}`;
      await expect
        .poll(() => s.agent.replica.vector()[id] === 5000 && clerk.vector()[id] === 5000, {
          timeout: 30_000,
        })
        .toBe(true);
      const limit = config.kiosk.rateLimit!.maxTickets;
      const taken = (r: Replica) =>
        [...r.state.tickets.values()].filter((t) => t.issuedBy === id).length;
      expect(taken(s.agent.replica)).toBe(limit);
      await expect.poll(() => taken(clerk), { timeout: 10_000 }).toBe(limit);
    });

    it('answers an empty-vector storm on the asker’s own topic only, within its budget', async () => {
      const storm = await hostile('clerk', `clerk-storm-${kind}`);
      const { root } = storm;
      // another device, subscribed to everything its role may read
      const by = await hostile('clerk', `clerk-bystander-${kind}`);
      const bystanderSaw: string[] = [];
      by.client.on('message', (topic) => bystanderSaw.push(topic));
      await by.client.subscribeAsync(topics.syncFor(root, `clerk-bystander-${kind}`), { qos: 1 });
      let toStorm = 0;
      storm.client.on('message', (topic, payload) => {
        if (topic === topics.to(root, `clerk-storm-${kind}`)) {
          toStorm += (JSON.parse(payload.toString()) as { events?: unknown[] }).events?.length ?? 0;
        }
      });
      await storm.client.subscribeAsync(topics.syncFor(root, `clerk-storm-${kind}`), { qos: 1 });
      const held = s.agent.replica.eventCount;
      for (let i = 0; i < 38; i++) await storm.announce({});
      await expect.poll(() => toStorm, { timeout: 10_000 }).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 1500));
      // one answer for the whole storm (two if it straddled the first), to it alone: never the
      // day 38 times, never to every subscriber
      expect(toStorm).toBeLessThanOrEqual(2 * held);
      expect(bystanderSaw.filter((t) => t.includes('/sync/to/'))).toEqual([]);
      expect(bystanderSaw.filter((t) => t === topics.events(root, s.agent.replica.device))).toEqual(
        [],
      );
      // the bystander cannot read the storm's answers even if it asks for them
      const peek = await by.client
        .subscribeAsync(topics.to(root, `clerk-storm-${kind}`), { qos: 1 })
        .then((granted) => granted.every((g) => g.qos !== 128))
        .catch(() => false);
      await storm.announce({});
      await new Promise((r) => setTimeout(r, 1500));
      expect(bystanderSaw.filter((t) => t.includes('/sync/to/'))).toEqual([]);
      if (kind === 'embedded') expect(peek).toBe(false);
    });
  },
);
