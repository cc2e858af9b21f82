import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectAsync } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceCredentials, startTestHub, type TestHub } from '../support/hub.ts';

function runCli(args: string[], timeoutMs = 20_000): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['src/hub/bin.mjs', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const t = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.on('exit', (code) => {
      clearTimeout(t);
      resolve({ code, out });
    });
  });
}

describe('the store hub', () => {
  it('refuses a broken configuration naming the file, the field and the problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nextup-config-'));
    const good = JSON.parse(readFileSync('kiosk-config/store.json', 'utf8')) as {
      services: { prefix: string }[];
    };
    good.services[1]!.prefix = 'aa';
    writeFileSync(join(dir, 'store.json'), JSON.stringify(good, null, 2));
    const r = await runCli(['serve', '--config', dir, '--port', '0', '--mqtt-port', '0']);
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/store\.json: services\[1\]\.prefix: /);
    expect(r.out).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('starts from the CLI, prints the surfaces and stops cleanly on Ctrl-C', async () => {
    const data = mkdtempSync(join(tmpdir(), 'nextup-data-'));
    mkdirSync(data, { recursive: true });
    const p = spawn(
      process.execPath,
      ['src/hub/bin.mjs', 'serve', '--port', '0', '--mqtt-port', '0', '--data', data],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (out += d.toString()));
    // (the lines may come in more than one chunk: wait for each)
    for (const line of [
      /http:\/\/127\.0\.0\.1:\d+\/kiosk/,
      /\/clerk/,
      /\/board/,
      /mqtt:\/\/127\.0\.0\.1:\d+/,
    ]) {
      await expect.poll(() => out, { timeout: 20_000 }).toMatch(line);
    }
    const exit = new Promise<number | null>((resolve) => p.on('exit', resolve));
    p.kill('SIGINT');
    expect(await exit).toBe(0);
  });

  describe('public MQTT topics', () => {
    let hub: TestHub;
    beforeAll(async () => {
      hub = await startTestHub({});
    });
    afterAll(async () => {
      await hub?.close();
    });

    it('publishes presence and calls that any MQTT client can read', async () => {
      const client = await connectAsync(
        hub.mqttUrl,
        deviceCredentials(hub, 'board', 'board-reader'),
      );
      const seen: { topic: string; body: Record<string, unknown> }[] = [];
      client.on('message', (topic, payload) =>
        seen.push({ topic, body: JSON.parse(payload.toString()) as Record<string, unknown> }),
      );
      const prefix = `nextup/v1/${hub.storeId}`;
      await client.subscribeAsync([`${prefix}/presence/+`, `${prefix}/calls`]);
      await expect
        .poll(() => seen.find((m) => m.topic.startsWith(`${prefix}/presence/agent-`)))
        .toMatchObject({ body: { role: 'agent', online: true } });

      // devices (here plain clients speaking the replication protocol) issue and call a ticket,
      // each on its own topic with its own credentials
      const kiosk = await connectAsync(hub.mqttUrl, deviceCredentials(hub, 'kiosk', 'kiosk-test'));
      const device = await connectAsync(hub.mqttUrl, deviceCredentials(hub, 'clerk', 'clerk-test'));
      const now = Date.now();
      const hlc = (ms: number) => `${String(ms).padStart(15, '0')}-00000`;
      const base = { store: hub.storeId };
      const events = [
        {
          ...base,
          id: 'kiosk-test:1',
          device: 'kiosk-test',
          seq: 1,
          hlc: hlc(now - 1000),
          type: 'ticket.issued',
          ticket: 'tcall1',
          service: hub.firstService,
          number: 'A042',
          n: 42,
        },
        {
          ...base,
          id: 'clerk-test:1',
          device: 'clerk-test',
          seq: 1,
          hlc: hlc(now),
          type: 'ticket.called',
          ticket: 'tcall1',
          counter: hub.firstCounter,
        },
      ];
      await kiosk.publishAsync(
        `${prefix}/sync/events/kiosk-test`,
        JSON.stringify({ v: 1, kind: 'events', from: 'kiosk-test', events: [events[0]] }),
        { qos: 1 },
      );
      await device.publishAsync(
        `${prefix}/sync/events/clerk-test`,
        JSON.stringify({ v: 1, kind: 'events', from: 'clerk-test', events: [events[1]] }),
        { qos: 1 },
      );
      await expect
        .poll(() => seen.find((m) => m.topic === `${prefix}/calls`)?.body, { timeout: 5000 })
        .toEqual(
          expect.objectContaining({
            ticket: 'tcall1',
            number: 'A042',
            counter: hub.firstCounter,
            service: hub.firstService,
          }),
        );
      await kiosk.endAsync();
      await device.endAsync();
      await client.endAsync();
    });
  });
});
