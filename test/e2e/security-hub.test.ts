import { connectAsync, type IClientOptions, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceCredentials } from '../support/hub.ts';
import { brokerKnows, startStoreHub, type StoreHub } from '../support/store-hub.ts';

/**
 * The hub with credentials on both brokers: a forged event (a clerk sending a kiosk's event,
 * a kiosk calling a ticket) never reaches the store's history, and a revoked device is refused
 * at its next connection (embedded: at once; Mosquitto: after its files are rewritten + SIGHUP).
 */
const quiet: IClientOptions = { reconnectPeriod: 0, connectTimeout: 5000 };
const hlc = (ms: number) => `${String(ms).padStart(15, '0')}-00000`;

describe.each(['embedded', 'mosquitto'] as const)('security on the %s broker', (kind) => {
  let s: StoreHub;
  const clients: MqttClient[] = [];
  beforeAll(async () => {
    s = await startStoreHub(kind);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.endAsync(true).catch(() => undefined)));
    await s?.close();
  });

  const login = async (role: 'kiosk' | 'clerk' | 'board', id: string) => {
    const who = deviceCredentials(s.hub, role, id);
    await brokerKnows(s, who, true);
    const c = await connectAsync(s.hub.mqttUrl, { ...quiet, ...who });
    c.on('error', () => undefined);
    clients.push(c);
    return { c, who };
  };

  it('refuses anonymous clients and wrong passwords', async () => {
    await expect(connectAsync(s.hub.mqttUrl, { ...quiet, clientId: 'kiosk-anon' })).rejects.toThrow(
      /Not authorized|Bad username or password/,
    );
    const who = deviceCredentials(s.hub, 'kiosk', 'kiosk-guess');
    await brokerKnows(s, who, true);
    await expect(
      connectAsync(s.hub.mqttUrl, { ...quiet, ...who, password: 'guess' }),
    ).rejects.toThrow(/Not authorized|Bad username or password/);
  });

  it('keeps forged events out of the history: another device’s event, a role that may not', async () => {
    const store = s.hub.config.store.id;
    const service = s.hub.config.services[0]!.id;
    const counter = s.hub.config.counters[0]!.id;
    const { c: clerk, who: clerkWho } = await login('clerk', `clerk-forger-${kind}`);
    const { c: kiosk, who: kioskWho } = await login('kiosk', `kiosk-forger-${kind}`);
    const now = Date.now();
    const issued = {
      store,
      id: `kiosk-victim:1`,
      device: 'kiosk-victim',
      seq: 1,
      hlc: hlc(now),
      type: 'ticket.issued',
      ticket: `forged-${kind}`,
      service,
      number: 'Z999',
      n: 999,
    };
    // the embedded broker closes the connection of a refused publish: do not wait on it
    const send = (c: MqttClient, from: string, events: unknown[]) =>
      Promise.race([
        c
          .publishAsync(
            `nextup/v1/${store}/sync/events/${from}`,
            JSON.stringify({ v: 1, kind: 'events', from, events }),
            { qos: 1 },
          )
          .catch(() => undefined),
        new Promise<void>((r) => c.once('close', () => r())),
        new Promise((r) => setTimeout(r, 3000)),
      ]);
    // the clerk relays an event it claims a kiosk wrote
    await send(clerk, clerkWho.clientId, [issued]);
    // the kiosk calls a ticket: kiosks may only issue
    await send(kiosk, kioskWho.clientId, [
      {
        store,
        id: `${kioskWho.clientId}:1`,
        device: kioskWho.clientId,
        seq: 1,
        hlc: hlc(now + 1),
        type: 'ticket.called',
        ticket: `forged-${kind}`,
        counter,
      },
    ]);
    await new Promise((r) => setTimeout(r, 1500));
    const history = s.agent.replica.events();
    expect(history.filter((e) => e.device === 'kiosk-victim')).toEqual([]);
    expect(history.filter((e) => e.device === kioskWho.clientId)).toEqual([]);
    // where it was stopped: at the door (embedded) or by the agent (Mosquitto cannot read payloads)
    const where = kind === 'embedded' ? 'publish refused' : 'invalid message (forged)';
    expect(s.log.find(where).length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a revoked device at its next connection', async () => {
    const { c, who } = await login('board', `board-revoked-${kind}`);
    expect(c.connected).toBe(true);
    s.hub.registry.revoke(who.clientId);
    await brokerKnows(s, who, false);
    if (kind === 'embedded') {
      // the embedded broker also drops the connection it has at once
      await expect.poll(() => c.connected).toBe(false);
    }
    await expect(connectAsync(s.hub.mqttUrl, { ...quiet, ...who })).rejects.toThrow(
      /Not authorized|Bad username or password/,
    );
  });
});
