import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect as tcpConnect, type AddressInfo } from 'node:net';
import path from 'node:path';
import { connectAsync } from 'mqtt';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG_DIR } from './config-loader.ts';
import { fakeAgent, startQuietHub, tempDir } from './hub-testing.ts';
import { HubStartError } from './listen.ts';

/** True when something accepts connections on the port. */
function isOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = tcpConnect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

const portOf = (url: string) => Number(new URL(url).port);

describe('startHub', () => {
  it('starts on free ports, prints every surface and closes cleanly', async () => {
    const q = await startQuietHub();
    const { httpUrl, mqttUrl, wsUrl } = q.hub;
    expect(httpUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(portOf(httpUrl)).not.toBe(8080);
    for (const surface of ['/kiosk', '/clerk', '/board', '/manager']) {
      expect(q.log.lines.filter((l) => l.endsWith(`${httpUrl}${surface}`))).toHaveLength(1);
    }
    // first run: a one-time link enrolls the first manager
    expect(q.log.find(`first manager: open ${httpUrl}/manager?pair=`)).toHaveLength(1);
    expect(q.log.find(mqttUrl)).toHaveLength(1);
    expect(q.log.find(wsUrl)).toHaveLength(1);
    expect(q.agent.started).toHaveLength(1);
    expect(q.agent.started[0]?.config.store.id).toBe('store-001');
    expect(q.agent.started[0]?.dataDir).toBe(q.data.path);

    await q.close();
    expect(q.agent.closed).toBe(1);
    expect(await isOpen(portOf(httpUrl))).toBe(false);
    expect(await isOpen(portOf(mqttUrl))).toBe(false);
    expect(q.log.lines.at(-1)).toMatch(/INFO {2}hub {5}stopped$/);
  });

  it('removes the staging file of an import a stop cut short, and says so', async () => {
    const data = tempDir('data-staging');
    try {
      const storeDir = path.join(data.path, 'store-001');
      mkdirSync(storeDir, { recursive: true });
      writeFileSync(path.join(storeDir, 'import-x1.staging.jsonl'), '{"half":\n');
      writeFileSync(path.join(storeDir, 'keep.txt'), 'not an import');
      const q = await startQuietHub({ dataDir: data.path });
      await q.close();
      expect(readdirSync(storeDir)).toContain('keep.txt');
      expect(readdirSync(storeDir)).not.toContain('import-x1.staging.jsonl');
      expect(
        q.log.find('removed 1 unfinished import(s) left by a stop: import-x1.staging.jsonl'),
      ).toHaveLength(1);
    } finally {
      data.remove();
    }
  });

  it('closes promptly with idle clients still connected, and only once', async () => {
    const q = await startQuietHub();
    const idle = q.hub.registry.enroll({ role: 'board', hint: 'board-idle', trusted: true });
    const mqttClient = await connectAsync(q.hub.mqttUrl, {
      reconnectPeriod: 0,
      clientId: idle.deviceId,
      username: idle.username,
      password: idle.password,
    });
    const silent = tcpConnect(portOf(q.hub.mqttUrl), '127.0.0.1'); // never sends CONNECT
    silent.on('error', () => undefined);
    await fetch(`${q.hub.httpUrl}/api/health`, { keepalive: true });

    const started = Date.now();
    await Promise.all([q.close(), q.hub.close()]);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(q.agent.closed).toBe(1);
    await expect.poll(() => mqttClient.connected).toBe(false);
    silent.destroy();
  });

  it('stops the agent while the broker is still up', async () => {
    let brokerUpAtAgentClose: boolean | undefined;
    let mqttPort = 0;
    const agent = fakeAgent(async () => {
      brokerUpAtAgentClose = await isOpen(mqttPort);
    });
    const q = await startQuietHub({}, agent);
    mqttPort = portOf(q.hub.mqttUrl);
    await q.close();
    expect(brokerUpAtAgentClose).toBe(true);
  });

  it('refuses an invalid config with a ConfigError listing the problems', async () => {
    const dir = tempDir('bad-config');
    const cfg = JSON.parse(readFileSync(path.join(DEFAULT_CONFIG_DIR, 'store.json'), 'utf8')) as {
      services: { prefix: string }[];
    };
    cfg.services[1]!.prefix = 'aa';
    writeFileSync(path.join(dir.path, 'store.json'), JSON.stringify(cfg));
    const agent = fakeAgent();
    try {
      const err: unknown = await startQuietHub({ configDir: dir.path }, agent).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems).toEqual([
        expect.stringMatching(
          /store\.json: services\[1\]\.prefix: must be a single capital letter \(got "aa"\)$/,
        ),
      ]);
      expect(agent.started).toHaveLength(0);
    } finally {
      dir.remove();
    }
  });

  it('says which port is taken, and leaves nothing listening', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as AddressInfo).port;
    try {
      const err: unknown = await startQuietHub({ port: taken }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HubStartError);
      expect((err as Error).message).toBe(
        `cannot listen for HTTP on 127.0.0.1:${taken}: the port is already in use (another hub or broker running?)`,
      );
    } finally {
      blocker.close();
    }
  });

  it('closes what it started when the agent fails', async () => {
    let mqttUrl = '';
    const failing = {
      ...fakeAgent(),
      factory: (opts: { brokerUrl: string }) => {
        mqttUrl = opts.brokerUrl;
        return Promise.reject(new Error('disk full'));
      },
    };
    const err: unknown = await startQuietHub({}, failing).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HubStartError);
    expect((err as Error).message).toBe('the store agent could not start: disk full');
    expect(await isOpen(portOf(mqttUrl))).toBe(false);
  });

  it('uses an external broker instead of its own', async () => {
    const external = await startQuietHub();
    try {
      const q = await startQuietHub({
        brokerUrl: external.hub.mqttUrl,
        brokerWsUrl: 'ws://127.0.0.1:9001',
        mqttPort: portOf(external.hub.mqttUrl), // would clash if an embedded broker started
      });
      expect(q.hub.mqttUrl).toBe(external.hub.mqttUrl);
      expect(q.hub.wsUrl).toBe('ws://127.0.0.1:9001');
      expect(q.agent.started[0]?.brokerUrl).toBe(external.hub.mqttUrl);
      const body = (await (await fetch(`${q.hub.httpUrl}/api/config`)).json()) as {
        broker: { wsUrl: string };
      };
      expect(body.broker.wsUrl).toBe('ws://127.0.0.1:9001');
      expect(q.log.find('(external)')).toHaveLength(1);
      await q.close();
    } finally {
      await external.close();
    }
  });

  it('warns when an external broker has no WebSocket URL for browsers', async () => {
    const q = await startQuietHub({ brokerUrl: 'mqtt://127.0.0.1:1' });
    expect(q.hub.wsUrl).toBe('');
    expect(q.log.find('browsers will not reach it')).toHaveLength(1);
    await q.close();
  });
});
