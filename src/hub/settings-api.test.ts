import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { connectAsync } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import type { SettingsView } from '../domain/config/settings.ts';
import type { StoreConfig } from '../domain/config/types.ts';
import { verifyPin } from '../domain/kiosk/pin.ts';
import { startAgent } from './agent.ts';
import { DEFAULT_CONFIG_DIR } from './config-loader.ts';
import type { AgentOptions } from './hub.ts';
import { fakeAgent, startQuietHub, tempDir, type FakeAgent, type QuietHub } from './hub-testing.ts';

const open: QuietHub[] = [];
const dirs: { remove(): void }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((q) => q.close()));
  for (const d of dirs.splice(0)) d.remove();
});

const DEMO = readFileSync(path.join(DEFAULT_CONFIG_DIR, 'store.json'), 'utf8');
const STAFF = [
  {
    id: 'anna',
    name: 'Anna',
    pin: {
      salt: 's',
      iterations: 1,
      sha256: '0000000000000000000000000000000000000000000000000000000000000000',
    },
  },
];

/** A hub on a copy of the demo config (with one member of staff), and a manager's login. */
async function hubWithConfig(agent: FakeAgent = fakeAgent()) {
  const dir = tempDir('settings');
  dirs.push(dir);
  const file = path.join(dir.path, 'store.json');
  const text = `${JSON.stringify({ ...JSON.parse(DEMO), staff: STAFF }, null, 2)}\n`;
  writeFileSync(file, text);
  const q = await startQuietHub({ configDir: dir.path }, agent);
  open.push(q);
  const m = q.hub.registry.enroll({ role: 'manager', hint: 'manager', trusted: true });
  const auth = `Basic ${Buffer.from(`${m.username}:${m.password}`).toString('base64')}`;
  return { q, file, text, auth, manager: m.deviceId };
}

async function call(q: QuietHub, method: string, body?: unknown, auth?: string) {
  const res = await fetch(`${q.hub.httpUrl}/api/settings`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: auth } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function served(q: QuietHub): Promise<{ config: StoreConfig; version: string }> {
  return (await (await fetch(`${q.hub.httpUrl}/api/config`)).json()) as {
    config: StoreConfig;
    version: string;
  };
}

/** An agent stand-in that records the configs the hub hands it. */
function recordingAgent() {
  const changes: { config: StoreConfig; version: string }[] = [];
  const fake: FakeAgent = {
    started: [],
    closed: 0,
    factory: (opts: AgentOptions) => {
      fake.started.push(opts);
      return Promise.resolve({
        close: () => Promise.resolve(),
        setConfig: (config: StoreConfig, version: string) => changes.push({ config, version }),
      });
    },
  };
  return { fake, changes };
}

describe('store settings over HTTP', () => {
  it('a valid change is written atomically, kept as a backup, and in force at once', async () => {
    const { fake, changes } = recordingAgent();
    const { q, file, text, auth, manager } = await hubWithConfig(fake);
    const before = (await call(q, 'GET', undefined, auth)).body as unknown as SettingsView;
    expect((await served(q)).version).toBe(before.version);

    const services = before.services.map((s, i) =>
      i === 1 ? { ...s, name: { ...s.name, en: 'Returns desk' } } : s,
    );
    const board = { announcement: { en: 'Closing at 18:00 today' }, colors: { accent: '#ff8800' } };
    const r = await call(q, 'PUT', { version: before.version, services, board }, auth);
    expect(r.status).toBe(200);
    const after = r.body as unknown as SettingsView;
    expect(after.services[1]?.name.en).toBe('Returns desk');
    expect(after.version).not.toBe(before.version);

    // the devices' config, the hub's own and the agent's: all the new one, no restart
    const now = await served(q);
    expect(now.version).toBe(after.version);
    expect(now.config.services[1]?.name.en).toBe('Returns desk');
    expect(now.config.board?.announcement?.en).toBe('Closing at 18:00 today');
    expect(q.hub.config.services[1]?.name.en).toBe('Returns desk');
    expect(changes).toHaveLength(1);
    expect(changes[0]?.version).toBe(after.version);
    expect(changes[0]?.config.board?.colors?.accent).toBe('#ff8800');

    // on disk: the new file (the rest as it was), the old one beside it
    const written = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect((written.services as StoreConfig['services'])[1]?.name.en).toBe('Returns desk');
    expect(written.$schema).toBe('./store.schema.json');
    expect(written.visit).toEqual((JSON.parse(text) as Record<string, unknown>).visit);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(text);
    expect(q.log.find(`settings changed by ${manager}: services, board`)).toHaveLength(1);
  });

  it('an invalid change is refused naming the field, and nothing is written or applied', async () => {
    const { fake, changes } = recordingAgent();
    const { q, file, text, auth } = await hubWithConfig(fake);
    const before = (await call(q, 'GET', undefined, auth)).body as unknown as SettingsView;
    const cases: [unknown, number, string][] = [
      // the shared rules (the screen checks them too)
      [
        { services: before.services.map((s, i) => (i === 0 ? { ...s, prefix: 'AB' } : s)) },
        400,
        'services[0].prefix',
      ],
      [{ staff: [{ id: 'new-one', name: 'New' }] }, 400, 'staff[0].pin'],
      [{ kioskPin: '12ab' }, 400, 'kioskPin'],
      // the loader's schema and cross-checks
      [
        { services: before.services.map((s, i) => (i === 2 ? { ...s, colour: 'red' } : s)) },
        400,
        'services[2].colour: unknown field',
      ],
      [
        { services: before.services.map((s, i) => (i === 1 ? { ...s, prefix: 'A' } : s)) },
        400,
        'services[1].prefix',
      ],
      [{ counters: [{ ...before.counters[0], services: ['nope'] }] }, 400, 'counters[0].services'],
      [{ board: { colors: { text: 'red' } } }, 400, 'board.colors.text'],
      [{ board: { announcement: { en: 'x'.repeat(121) } } }, 400, 'board.announcement.en'],
      [{ board: { colors: { text: '#1b2533' } } }, 400, 'board.colors.text: is too close'],
      // what needs the file and a restart
      [{ store: { id: 'elsewhere' } }, 409, 'restart'],
      [{ mqtt: { topicPrefix: 'x/v1' } }, 409, 'restart'],
      [{ kiosks: [] }, 400, 'kiosks'],
      [{ version: 'stale', board: {} }, 409, 'changed meanwhile'],
      [{ version: before.version }, 400, 'nothing to change'],
    ];
    for (const [body, status, names] of cases) {
      const r = await call(q, 'PUT', body, auth);
      expect({ body, status: r.status }).toEqual({ body, status });
      expect(String(r.body.error)).toContain(names);
    }
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(existsSync(`${file}.bak`)).toBe(false);
    expect(changes).toHaveLength(0);
    expect((await served(q)).version).toBe(before.version);
    expect(q.log.find('settings changed')).toHaveLength(0);
  });

  it('refuses anyone but a manager device, and writes nothing', async () => {
    const { q, file, text } = await hubWithConfig();
    const clerk = q.hub.registry.enroll({ role: 'clerk', hint: 'clerk', trusted: true });
    const clerkAuth = `Basic ${Buffer.from(`${clerk.username}:${clerk.password}`).toString('base64')}`;
    const change = { board: { announcement: { en: 'Hijacked' } } };
    expect((await call(q, 'GET')).status).toBe(401);
    expect((await call(q, 'PUT', change)).status).toBe(401);
    expect((await call(q, 'PUT', change, 'Basic bWFuYWdlci14Onk=')).status).toBe(401);
    expect((await call(q, 'PUT', change, clerkAuth)).status).toBe(403);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect((await served(q)).config.board).toBeUndefined();
  });

  it('never sends a PIN hash back; a new PIN is hashed as the config keeps it, others kept', async () => {
    const { q, file, auth } = await hubWithConfig();
    const view = (await call(q, 'GET', undefined, auth)).body as unknown as SettingsView;
    expect(view.staff).toEqual([{ id: 'anna', name: 'Anna' }]);
    expect(view.kioskPinSet).toBe(true);
    expect(JSON.stringify(view)).not.toContain('sha256');

    const staff = [
      { id: 'anna', name: 'Anna K.' },
      { id: 'ben', name: 'Ben', pin: '4321' },
    ];
    const r = await call(q, 'PUT', { staff, kioskPin: '97531' }, auth);
    expect(r.status).toBe(200);
    expect(JSON.stringify(r.body)).not.toContain('sha256');
    const written = JSON.parse(readFileSync(file, 'utf8')) as StoreConfig;
    expect(written.staff?.[0]).toEqual({ ...STAFF[0], name: 'Anna K.' });
    const ben = written.staff?.[1];
    expect(ben?.pin && verifyPin('4321', ben.pin)).toBe(true);
    expect(written.kiosk.managerPin && verifyPin('97531', written.kiosk.managerPin)).toBe(true);
    expect(written.kiosk.managerPin?.salt).not.toBe('nextup-demo');
  });

  it('tells devices on the broker: the agent keeps the new version on the retained config topic', async () => {
    const real: FakeAgent = { started: [], closed: 0, factory: (o) => startAgent(o) };
    const { q, auth } = await hubWithConfig(real);
    const board = q.hub.registry.enroll({ role: 'board', hint: 'board', trusted: true });
    const client = await connectAsync(q.hub.mqttUrl, {
      reconnectPeriod: 0,
      clientId: board.deviceId,
      username: board.username,
      password: board.password,
    });
    const heard: string[] = [];
    client.on('message', (_t, payload) => heard.push(payload.toString()));
    await client.subscribeAsync('nextup/v1/store-001/config');
    const first = (await served(q)).version;
    await expect
      .poll(() => heard.at(-1), { timeout: 15_000 })
      .toBe(JSON.stringify({ version: first }));

    const r = await call(q, 'PUT', { board: { announcement: { en: 'Welcome' } } }, auth);
    expect(r.status).toBe(200);
    const next = (r.body as unknown as SettingsView).version;
    await expect
      .poll(() => heard.at(-1), { timeout: 15_000 })
      .toBe(JSON.stringify({ version: next }));
    await client.endAsync();
  });
});
