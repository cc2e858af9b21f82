import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { connect } from 'node:net';
import path from 'node:path';
import { connectAsync } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startQuietHub, tempDir, type QuietHub, type TempDir } from './hub-testing.ts';

/** A self-signed certificate for 127.0.0.1, made for this test by the openssl command. */
function makeCertificate(dir: string): { cert: string; key: string } {
  const cert = path.join(dir, 'hub.crt');
  const key = path.join(dir, 'hub.key');
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'],
      ...['-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=nextup-test'],
      ...['-addext', 'subjectAltName=IP:127.0.0.1'],
    ],
    { stdio: 'ignore' },
  );
  return { cert, key };
}

function httpsGet(url: string, ca: string): Promise<{ status: number; csp: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          csp: res.headers['content-security-policy'] as string | undefined,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('https, wss and mqtts with a certificate the store provides', () => {
  let dir: TempDir;
  let q: QuietHub;
  let ca: string;
  beforeAll(async () => {
    dir = tempDir('tls');
    const files = makeCertificate(dir.path);
    ca = readFileSync(files.cert, 'utf8');
    q = await startQuietHub({ tlsCert: files.cert, tlsKey: files.key });
  });
  afterAll(async () => {
    await q?.close();
    dir?.remove();
  });

  it('serves the API over https only, with its security headers', async () => {
    expect(q.hub.httpUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(q.hub.wsUrl).toMatch(/^wss:\/\/127\.0\.0\.1:\d+\/mqtt$/);
    const res = await httpsGet(`${q.hub.httpUrl}/api/health`, ca);
    expect(res.status).toBe(200);
    expect(res.csp).toContain("default-src 'self'");
  });

  it('speaks MQTT over TLS and over wss to an enrolled device, and to nobody else', async () => {
    const e = q.hub.registry.enroll({ role: 'board', trusted: true });
    const login = { clientId: e.deviceId, username: e.username, password: e.password };
    for (const url of [q.hub.mqttUrl, q.hub.wsUrl]) {
      expect(url).toMatch(/^(mqtts|wss):/);
      const c = await connectAsync(url, { ...login, ca, reconnectPeriod: 0 });
      expect(c.connected).toBe(true);
      await c.endAsync();
    }
    await expect(
      connectAsync(q.hub.mqttUrl, { ...login, password: 'wrong', ca, reconnectPeriod: 0 }),
    ).rejects.toThrow(/Bad username or password|Not authorized/);
  });

  it('counts mqtts connections from their first byte: no handshake, no stay; plain MQTT is one line', async () => {
    const port = Number(new URL(q.hub.mqttUrl).port);
    const open = () => {
      const s = connect(port, '127.0.0.1');
      s.on('error', () => undefined);
      return { s, closed: new Promise((resolve) => s.once('close', resolve)) };
    };
    for (let i = 0; i < 3; i++) {
      const plain = open();
      // an MQTT 3.1.1 CONNECT where a TLS ClientHello should be
      plain.s.write(Buffer.from([0x10, 12, 0, 4, 77, 81, 84, 84, 4, 2, 0, 60, 0, 0]));
      await plain.closed;
    }
    expect(q.log.find('refused before CONNECT')).toEqual([
      expect.stringMatching(
        /connection from 127\.0\.0\.1 refused before CONNECT: wrong version number$/,
      ),
    ]);
    // a socket that never starts its handshake is closed at the broker's deadline
    await open().closed;
    expect(
      q.log.find('MQTTS connection from 127.0.0.1 closed: not authenticated within'),
    ).toHaveLength(1);
  });

  it('refuses a certificate without its key', async () => {
    await expect(startQuietHub({ tlsCert: path.join(dir.path, 'hub.crt') })).rejects.toThrow(
      /--tls-cert and --tls-key go together/,
    );
  });
});
