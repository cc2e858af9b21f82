import { request } from 'node:http';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startQuietHub, type QuietHub } from './hub-testing.ts';

/** A POST with the Host and Origin a rebinding page would send. */
function post(base: string, path: string, headers: Record<string, string>, body: unknown) {
  const { hostname, port } = new URL(base);
  const text = JSON.stringify(body);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      {
        hostname,
        port,
        path,
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let out = '';
        res.on('data', (d: Buffer) => (out += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: out }));
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

describe('DNS rebinding: a page of another site on the hub computer', () => {
  let q: QuietHub;
  beforeAll(async () => {
    q = await startQuietHub();
  });
  afterAll(async () => {
    await q?.close();
  });

  it('cannot enroll a manager through the browser', async () => {
    const port = new URL(q.hub.httpUrl).port;
    const rebound = await post(
      q.hub.httpUrl,
      '/api/devices/enroll',
      { host: `attacker.example:${port}`, origin: `http://attacker.example:${port}` },
      { role: 'manager', hint: 'manager' },
    );
    expect(rebound.status).toBe(403);
    expect(rebound.body).toContain('is not one of this hub');
    const withOrigin = await post(
      q.hub.httpUrl,
      '/api/devices/enroll',
      { host: `127.0.0.1:${port}`, origin: 'http://attacker.example' },
      { role: 'manager', hint: 'manager' },
    );
    expect(withOrigin.status).toBe(403);
    expect(q.hub.registry.list().filter((d) => d.role === 'manager')).toHaveLength(0);
    expect(q.log.find('refused from')).toHaveLength(2);

    const own = await post(
      q.hub.httpUrl,
      '/api/devices/enroll',
      { host: `localhost:${port}`, origin: `http://localhost:${port}` },
      { role: 'manager', hint: 'manager' },
    );
    expect(own.status).toBe(200);
  });

  it('cannot open the MQTT WebSocket from another origin', async () => {
    const url = q.hub.httpUrl.replace('http', 'ws') + '/mqtt';
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(url, 'mqtt', { origin: 'http://attacker.example' });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => {
        ws.close();
        resolve(101);
      });
      ws.on('error', () => undefined);
    });
    expect(status).toBe(403);
  });
});
