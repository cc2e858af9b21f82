import { X509Certificate, createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'plist';
import { startQuietHub, type QuietHub } from '../hub-testing.ts';

/** GET over https by name (mapped to loopback), trusting only the given authority. */
function httpsGet(url: string, ca: string): Promise<{ status: number; body: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: u.port,
        path: u.pathname,
        servername: u.hostname,
        ca,
        headers: { host: u.host },
      },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** A plain GET with a Host header of our choosing (fetch may not set one). */
function plainGet(port: string, path: string, host: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.headers.location);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('store network mode: the store authority and the setup page', () => {
  let q: QuietHub;
  let setup: URL;
  beforeAll(async () => {
    q = await startQuietHub({ host: '127.0.0.1', hostnames: ['hub.test'] });
    setup = new URL(q.hub.setupUrl);
  });
  afterAll(async () => {
    await q?.close();
  });
  const plain = (path: string, init: RequestInit = {}) =>
    fetch(`http://127.0.0.1:${setup.port}${path}`, { redirect: 'manual', ...init });

  it('serves the setup page with the authority and its fingerprint', async () => {
    expect(q.hub.setupUrl).toMatch(/^http:\/\/hub\.test:\d+\/$/);
    const page = await plain('/', { headers: { 'accept-language': 'pl-PL,pl;q=0.9' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain('<html lang="pl">');
    const der = Buffer.from(await (await plain('/ca.cer')).arrayBuffer());
    const pem = await (await plain('/ca.crt')).text();
    const ca = new X509Certificate(pem);
    expect(ca.raw.equals(der)).toBe(true);
    const fingerprint = createHash('sha256').update(der).digest('hex').toUpperCase();
    const shown = /data-testid="setup-fingerprint">([0-9A-F:]+)</.exec(html)?.[1];
    expect(shown?.replaceAll(':', '')).toBe(fingerprint);
    expect(q.log.find(`store authority fingerprint (SHA-256) ${shown}`)).toHaveLength(1);
  });

  it('gives iPads a configuration profile that carries the authority', async () => {
    const res = await plain('/ca.mobileconfig');
    expect(res.headers.get('content-type')).toBe('application/x-apple-aspen-config');
    const profile = parse(await res.text()) as {
      PayloadType: string;
      PayloadContent: { PayloadType: string; PayloadContent: Buffer }[];
    };
    expect(profile.PayloadType).toBe('Configuration');
    expect(profile.PayloadContent[0]?.PayloadType).toBe('com.apple.security.root');
    const der = Buffer.from(await (await plain('/ca.cer')).arrayBuffer());
    expect(Buffer.from(profile.PayloadContent[0]!.PayloadContent).equals(der)).toBe(true);
  });

  it('sends every other plain-HTTP path to HTTPS, by a name the certificate covers', async () => {
    const httpsPort = new URL(q.hub.httpUrl).port;
    expect((await plain('/clerk')).status).toBe(302);
    expect(await plainGet(setup.port, '/clerk?x=1', `hub.test:${setup.port}`)).toBe(
      `https://hub.test:${httpsPort}/clerk?x=1`,
    );
    expect(await plainGet(setup.port, '/clerk', `127.0.0.1:${setup.port}`)).toBe(
      `https://127.0.0.1:${httpsPort}/clerk`,
    );
    expect(await plainGet(setup.port, '/kiosk', 'attacker.example')).toBe(
      `https://hub.test:${httpsPort}/kiosk`,
    );
    expect((await plain('/api/devices/enroll', { method: 'POST' })).status).toBe(405);
  });

  it('serves the app over https with the hub certificate the authority signed', async () => {
    const ca = await (await plain('/ca.crt')).text();
    const httpsPort = new URL(q.hub.httpUrl).port;
    const res = await httpsGet(`https://hub.test:${httpsPort}/api/config`, ca);
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as { setup?: { url: string } };
    expect(body.setup?.url).toBe(q.hub.setupUrl);
    await expect(httpsGet(`https://elsewhere.test:${httpsPort}/api/health`, ca)).rejects.toThrow(
      /altnames/,
    );
  });
});
