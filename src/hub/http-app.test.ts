import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_BUILT_MESSAGE } from './http-app.ts';
import { rawGet, startQuietHub, tempDir, type QuietHub, type TempDir } from './hub-testing.ts';

const INDEX = '<!doctype html><title>Nextup</title>';

describe('the hub over HTTP, with a built app', () => {
  let dist: TempDir;
  let secret: TempDir;
  let q: QuietHub;
  let base: string;

  beforeAll(async () => {
    dist = tempDir('dist');
    secret = tempDir('secret');
    writeFileSync(path.join(secret.path, 'secret.txt'), 'do not serve');
    writeFileSync(path.join(dist.path, 'index.html'), INDEX);
    writeFileSync(path.join(dist.path, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(path.join(dist.path, 'manifest.webmanifest'), '{"name":"Nextup"}');
    writeFileSync(path.join(dist.path, '.env'), 'TOKEN=1');
    mkdirSync(path.join(dist.path, 'assets'));
    writeFileSync(path.join(dist.path, 'assets', 'index-3f2a1b.js'), 'console.log(1);');
    writeFileSync(path.join(dist.path, 'assets', 'index-3f2a1b.css'), 'body{}');
    q = await startQuietHub({ distDir: dist.path, brokerWsUrl: 'wss://broker.store.example/mqtt' });
    base = q.hub.httpUrl;
  });

  afterAll(async () => {
    await q.close();
    dist.remove();
    secret.remove();
  });

  it.each(['/', '/kiosk', '/clerk', '/board', '/manager', '/t/tk-123', '/kiosk/'])(
    'answers %s with the app shell',
    async (route) => {
      const res = await fetch(`${base}${route}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toBe(INDEX);
    },
  );

  it('serves files with their content type and cache policy', async () => {
    const js = await fetch(`${base}/assets/index-3f2a1b.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await js.text()).toBe('console.log(1);');

    const css = await fetch(`${base}/assets/index-3f2a1b.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');

    const sw = await fetch(`${base}/sw.js`);
    expect(sw.headers.get('cache-control')).toBe('no-cache');

    const manifest = await fetch(`${base}/manifest.webmanifest`);
    expect(manifest.headers.get('content-type')).toBe('application/manifest+json; charset=utf-8');
    expect(manifest.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a repeated request with 304 when the file did not change', async () => {
    const first = await fetch(`${base}/sw.js`);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    const again = await fetch(`${base}/sw.js`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });

  it('sends the security headers on every response', async () => {
    for (const route of ['/kiosk', '/assets/index-3f2a1b.js', '/api/health', '/missing.png']) {
      const res = await fetch(`${base}${route}`);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self' ws: wss:");
      expect(csp).toContain("worker-src 'self'");
      expect(csp).toContain("manifest-src 'self'");
    }
  });

  it('answers a missing file with 404, not the app shell', async () => {
    const res = await fetch(`${base}/assets/gone-123.js`);
    expect(res.status).toBe(404);
  });

  it('does not serve hidden files', async () => {
    const res = await fetch(`${base}/.env`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('TOKEN');
  });

  it.each([
    ['/../secret.txt', 404],
    ['/..%2f..%2fetc%2fpasswd', 403],
    ['/assets/..%2f..%2f..%2fsecret.txt', 403],
    ['/..%5c..%5cetc%5cpasswd', 403],
    ['/%00index.html', 403],
    // the URL parser folds these into /secret.txt and /etc/passwd inside dist
    ['/%2e%2e/secret.txt', 404],
    ['/%2e%2e/%2e%2e/etc/passwd', 200],
  ])('never serves a file outside dist for %s', async (rawPath, status) => {
    const res = await rawGet(base, rawPath);
    expect(res.status).toBe(status);
    if (status === 200) expect(res.body).toBe(INDEX);
    expect(res.body).not.toContain('do not serve');
    expect(res.body).not.toContain('root:');
  });

  it('refuses a path that points outside through the file system', async () => {
    const rel = path.relative(dist.path, path.join(secret.path, 'secret.txt'));
    const res = await rawGet(base, `/${rel.split(path.sep).map(encodeURIComponent).join('%2f')}`);
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('do not serve');
  });

  it('serves the config and the broker URL browsers should use', async () => {
    const res = await fetch(`${base}/api/config`);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as {
      config: { store: { id: string }; mqtt: { browserUrl: string } };
      broker: { wsUrl: string };
    };
    expect(body.config.store.id).toBe('store-001');
    expect(body.broker).toEqual({ wsUrl: 'wss://broker.store.example/mqtt' });
    expect(body.config.mqtt.browserUrl).toBe('wss://broker.store.example/mqtt');
  });

  it('reports its health', async () => {
    const res = await fetch(`${base}/api/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({
      ok: true,
      store: 'store-001',
      uptimeSec: expect.any(Number) as number,
      disk: { ok: true, failedWrites: 0 },
    });
  });

  it('answers unknown API paths with a JSON 404, not the app shell', async () => {
    const res = await fetch(`${base}/api/nothing`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'no API at /api/nothing' });
  });

  it('tells a plain GET on /mqtt to upgrade', async () => {
    const res = await fetch(`${base}/mqtt`);
    expect(res.status).toBe(426);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const res = await fetch(`${base}/kiosk`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    const head = await rawGet(base, '/kiosk', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('refuses a malformed URL', async () => {
    expect((await rawGet(base, '/%E0%A4%A')).status).toBe(400);
  });
});

describe('the hub over HTTP, before the app is built', () => {
  let q: QuietHub;
  let empty: TempDir;

  beforeAll(async () => {
    empty = tempDir('empty-dist');
    q = await startQuietHub({ distDir: empty.path });
  });

  afterAll(async () => {
    await q.close();
    empty.remove();
  });

  it('starts anyway and says how to build, logging it once', async () => {
    for (const route of ['/', '/kiosk']) {
      const res = await fetch(`${q.hub.httpUrl}${route}`);
      expect(res.status).toBe(503);
      expect(await res.text()).toBe(`${NOT_BUILT_MESSAGE}\n`);
    }
    expect(NOT_BUILT_MESSAGE).toBe('The app is not built: run npm run build');
    expect(q.log.find('not built')).toHaveLength(1);
  });

  it('still answers the API', async () => {
    const res = await fetch(`${q.hub.httpUrl}/api/config`);
    const body = (await res.json()) as { broker: { wsUrl: string } };
    // The embedded broker: browsers use ws(s)://<their location.host>/mqtt.
    expect(body.broker.wsUrl).toBe('');
  });
});
