import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectAsync, type MqttClient } from 'mqtt';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTicketId } from '../../src/apps/kiosk/ticket-id.ts';
import type { StoreConfig } from '../../src/domain/config/types.ts';
import { cancelTicket, issueTicket, openCounter } from '../../src/domain/queue/commands.ts';
import type { CommandResult } from '../../src/domain/queue/commands.ts';
import type { QueueState } from '../../src/domain/queue/state.ts';
import { startAgent, type Agent } from '../../src/hub/agent.ts';
import { startHub, type Hub } from '../../src/hub/hub.ts';
import { createMemoryLogger } from '../../src/hub/log.ts';
import { launchChromium } from '../support/browser.ts';
import { deviceCredentials } from '../support/hub.ts';
import { startMosquitto, type Mosquitto } from '../support/mosquitto.ts';
import { openKiosk } from '../support/surfaces.ts';

/**
 * Live wait times over MQTT (DESIGN.md section 4): retained `wait/{service}` and
 * `wait/{service}/minutes` for every service, alerts when a wait goes above its target and
 * when it recovers; readable by any MQTT client, through the embedded broker and Mosquitto.
 */
interface WaitHub {
  readonly hub: Hub;
  readonly agent: Agent;
  readonly mqttHost: string;
  readonly mqttPort: number;
  commit(decide: (s: QueueState) => CommandResult): Promise<void>;
}

async function startWaitHub(broker?: Mosquitto): Promise<WaitHub> {
  let agent: Agent | undefined;
  const hub = await startHub({
    port: 0,
    mqttPort: 0,
    dataDir: mkdtempSync(join(tmpdir(), 'nextup-wait-')),
    log: createMemoryLogger(),
    ...(broker ? { brokerUrl: broker.mqttUrl, brokerWsUrl: broker.wsUrl } : {}),
    // quick hysteresis for the test: a state stands one second (the store default is 5 min)
    agent: async (o) => (agent = await startAgent({ ...o, waits: { minIntervalMs: 1000 } })),
  });
  const a = agent!;
  await a.waits.ready;
  const url = new URL(hub.mqttUrl);
  return {
    hub,
    agent: a,
    mqttHost: url.hostname,
    mqttPort: Number(url.port),
    async commit(decide) {
      const out = await a.replica.run(decide);
      if (!out.ok) throw new Error(`the agent could not commit: ${out.error}`);
    },
  };
}

interface Received {
  readonly topic: string;
  readonly text: string;
  readonly retain: boolean;
}

async function listen(hub: Hub, filters: string[]) {
  const client: MqttClient = await connectAsync(
    hub.mqttUrl,
    deviceCredentials(hub, 'board', `board-reader-${newTicketId()}`),
  );
  const seen: Received[] = [];
  client.on('message', (topic, payload, packet) =>
    seen.push({ topic, text: payload.toString(), retain: packet.retain }),
  );
  await client.subscribeAsync(filters);
  return { client, seen };
}

/** `mosquitto_sub ... -C n`: the first n messages, as the command prints them. */
function mosquittoSub(w: WaitHub, topic: string, count: number): Promise<string> {
  const who = deviceCredentials(w.hub, 'board', 'board-mosquitto-sub');
  const login = ['-i', who.clientId, '-u', who.username, '-P', who.password];
  return new Promise((resolve, reject) => {
    const p = spawn(
      'mosquitto_sub',
      [
        ...['-h', w.mqttHost, '-p', String(w.mqttPort), ...login],
        ...['-t', topic, '-v', '-C', String(count), '-W', '15'],
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', reject);
    p.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`mosquitto_sub exited ${code}: ${err}`)),
    );
  });
}

async function waitAlertAndRecovery(w: WaitHub, config: StoreConfig, seen: Received[]) {
  const alerts = () =>
    seen
      .filter((m) => m.topic.endsWith('/alerts'))
      .map((m) => JSON.parse(m.text) as Record<string, unknown>)
      .filter((m) => m['kind'] === 'waitAboveTarget' && m['service'] === 'pickup');
  const kiosk = config.kiosks[1]!;
  // one counter for pickup (target 5 min) and seven customers: well above target
  await w.commit(() => openCounter('counter-3', ['pickup']));
  const ids = Array.from({ length: 7 }, () => newTicketId());
  for (const id of ids) await w.commit((s) => issueTicket(s, config, kiosk, 'pickup', id));
  await expect.poll(() => alerts().length, { timeout: 10_000 }).toBe(1);
  expect(alerts()[0]).toMatchObject({
    service: 'pickup',
    status: 'open',
    targetSec: 300,
    openCounters: 1,
  });
  expect(alerts()[0]!['message']).toMatch(/^Order pickup: wait about \d+ min, above the 5 min/);
  expect(alerts()[0]!['estimateSec']).toBeGreaterThan(300);
  // everybody leaves: the wait recovers, and that is announced once
  for (const id of ids) await w.commit((s) => cancelTicket(s, id));
  await expect.poll(() => alerts().length, { timeout: 10_000 }).toBe(2);
  expect(alerts()[1]).toMatchObject({ service: 'pickup', status: 'cleared' });
  expect(alerts()[1]!['alert']).toBe(alerts()[0]!['alert']);
}

function expectRetainedWaits(seen: Received[], config: StoreConfig, store: string) {
  for (const s of config.services) {
    const json = seen.find((m) => m.topic === `nextup/v1/${store}/wait/${s.id}`);
    expect(json?.retain).toBe(true);
    const body = JSON.parse(json!.text) as Record<string, unknown>;
    // the contract's fields, in their order; then the extensions (README "Contract extensions")
    expect(Object.keys(body)).toEqual([
      'service',
      'waiting',
      'estimateSec',
      'lowSec',
      'highSec',
      'openCounters',
      'updatedAt',
      'noCounter',
      'longestWaitSec',
      'minutes',
      'alert',
      'serviceLevelToday',
      'remoteWaiting',
    ]);
    // nobody opened a counter yet: the wait says so (no phone ticket, no booking: no nextSlot)
    expect(body).toMatchObject({
      service: s.id,
      waiting: 0,
      noCounter: true,
      longestWaitSec: 0,
      minutes: null,
      alert: false,
      remoteWaiting: 0,
    });
    // and no number for signage that shows only the minutes: the retained value is cleared
    const minutes = seen.filter((m) => m.topic === `nextup/v1/${store}/wait/${s.id}/minutes`);
    expect(minutes.every((m) => m.text === '')).toBe(true);
  }
}

/** Once a counter serves it, the service's minutes: the one rounding rule, never rosier. */
function expectMinutes(seen: Received[], store: string, service: string) {
  const json = seen.filter((m) => m.topic === `nextup/v1/${store}/wait/${service}`).at(-1);
  const minutes = seen.filter((m) => m.topic === `nextup/v1/${store}/wait/${service}/minutes`);
  const body = JSON.parse(json!.text) as Record<string, unknown>;
  expect(body['noCounter']).toBe(false);
  expect(minutes.at(-1)!.text).toBe(String(Math.ceil((body['estimateSec'] as number) / 60)));
}

describe.each([
  ['the embedded broker', false],
  ['Mosquitto', true],
] as const)('live wait times through %s', (_name, external) => {
  let broker: Mosquitto | undefined;
  let w: WaitHub;
  beforeAll(async () => {
    if (external) broker = await startMosquitto();
    w = await startWaitHub(broker);
  });
  afterAll(async () => {
    await w?.hub.close();
    await broker?.stop();
  });

  it('publishes retained waits for every service, and alerts with recovery', async () => {
    const { config } = w.hub;
    const store = config.store.id;
    const { client, seen } = await listen(w.hub, [
      `nextup/v1/${store}/wait/#`,
      `nextup/v1/${store}/alerts`,
    ]);
    try {
      await expect
        .poll(() => seen.length, { timeout: 10_000 })
        .toBeGreaterThanOrEqual(config.services.length);
      expectRetainedWaits(seen, config, store);
      await waitAlertAndRecovery(w, config, seen);
      expectMinutes(seen, store, 'pickup');
      // the line is gone: pickup's wait says so
      const last = seen.filter((m) => m.topic === `nextup/v1/${store}/wait/pickup`).at(-1);
      expect(JSON.parse(last!.text)).toMatchObject({ waiting: 0, openCounters: 1 });
    } finally {
      await client.endAsync();
    }
  });

  it('shows the waits to a plain mosquitto_sub', async () => {
    // the minutes only of services a counter serves (the others' are cleared)
    const { state } = w.agent.replica;
    const served = w.hub.config.services.filter((s) =>
      [...state.counters.values()].some((c) => c.open && c.services.includes(s.id)),
    );
    expect(served.length).toBeGreaterThan(0);
    const n = w.hub.config.services.length + served.length;
    const out = await mosquittoSub(w, 'nextup/v1/store-001/wait/#', n);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(n);
    for (const s of w.hub.config.services) {
      expect(lines).toContainEqual(
        expect.stringMatching(
          new RegExp(`^nextup/v1/store-001/wait/${s.id} \\{"service":"${s.id}",`),
        ),
      );
    }
    for (const s of served) {
      expect(lines).toContainEqual(
        expect.stringMatching(new RegExp(`^nextup/v1/store-001/wait/${s.id}/minutes \\d+$`)),
      );
    }
  });
});

describe('the wait on the kiosk', () => {
  let browser: Browser;
  let w: WaitHub;
  beforeAll(async () => {
    w = await startWaitHub();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await w?.hub.close();
  });

  it('shows an estimate and range at ticket time, online and offline', async () => {
    const { config } = w.hub;
    const kiosk = config.kiosks[1]!;
    await w.commit(() => openCounter('counter-2', ['advice', 'returns']));
    for (let i = 0; i < 3; i++) {
      await w.commit((s) => issueTicket(s, config, kiosk, 'returns', newTicketId()));
    }
    const context = await browser.newContext();
    const page = await openKiosk(context, w.hub.httpUrl);
    // the kiosk has the hub's open counter and the three tickets (its buttons show their wait):
    // a tap before that gets the wait of what the kiosk knows then
    await page.waitForFunction(
      () =>
        Number(
          document.querySelector('[data-testid="service-returns"]')?.getAttribute('data-wait-sec'),
        ) > 300,
    );
    const ticketWait = async () => {
      await page.getByTestId('service-returns').click();
      const wait = page.getByTestId('ticket-wait');
      await wait.waitFor();
      const shown = {
        estimate: Number(await wait.getAttribute('data-estimate-sec')),
        low: Number(await wait.getAttribute('data-low-sec')),
        high: Number(await wait.getAttribute('data-high-sec')),
        text: (await wait.textContent()) ?? '',
      };
      await page.getByTestId('ticket-done').click();
      await page.getByTestId('service-returns').waitFor();
      return shown;
    };
    const online = await ticketWait();
    // three ahead at one counter, five minutes each
    expect(online.estimate).toBeGreaterThan(300);
    expect(online.low).toBeLessThanOrEqual(online.estimate);
    expect(online.high).toBeGreaterThanOrEqual(online.estimate);
    expect(online.text).toMatch(/\d+.*\d+/); // "About 15 minutes (9–22 minutes)"

    await context.setOffline(true);
    await page.locator('[data-testid="connection"][data-state="offline"]').waitFor();
    const offline = await ticketWait();
    // one more ahead now, estimated from the kiosk's own data
    expect(offline.estimate).toBeGreaterThan(online.estimate * 0.9);
    expect(offline.high).toBeGreaterThanOrEqual(offline.estimate);
    expect(offline.text).toMatch(/\d+.*\d+/);
    await context.close();
  });
});
