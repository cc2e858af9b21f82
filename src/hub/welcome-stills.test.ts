import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WELCOME_STILL_MODULE } from '../domain/kiosk/first-paint.ts';
import type { StoreConfig } from '../domain/config/types.ts';
import { rawGet, startQuietHub, tempDir, type QuietHub, type TempDir } from './hub-testing.ts';
import { createMemoryLogger } from './log.ts';
import { createWelcomeStills } from './welcome-stills.ts';

const INDEX =
  '<!doctype html><html lang="en"><head></head><body><div id="root"></div></body></html>';

/** A renderer as the build makes one: counts its renders, fails for the kiosk named "broken". */
const RENDERER = `
globalThis.__renders = (globalThis.__renders ?? 0);
export async function renderWelcomeStill(config, kioskId, now) {
  if (!config.kiosks.some((k) => k.id === kioskId)) return undefined;
  if (kioskId === 'broken') throw new Error('no catalog for xx');
  globalThis.__renders++;
  return { html: '<h1>Welcome to ' + config.store.id + ' at ' + now + '</h1>', lang: 'en',
    dir: 'ltr', htmlClass: '', surfaceClass: 'surface--kiosk' };
}`;

const renders = () => (globalThis as { __renders?: number }).__renders ?? 0;

function writeRenderer(dist: string, source = RENDERER): void {
  const file = path.join(dist, WELCOME_STILL_MODULE);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, source);
}

const config = (kiosks: string[]): StoreConfig =>
  ({ store: { id: 'corner' }, kiosks: kiosks.map((id) => ({ id })) }) as unknown as StoreConfig;

describe('the welcome stills', () => {
  let dist: TempDir;
  beforeAll(() => (dist = tempDir('stills')));
  afterAll(() => dist.remove());

  it('come plain without a renderer in the build, saying so once', async () => {
    const log = createMemoryLogger();
    const stills = createWelcomeStills({ distDir: dist.path, log });
    expect(await stills.forKiosk(config(['k1']), 'v1', 'k1')).toBeUndefined();
    expect(await stills.forKiosk(config(['k1']), 'v2', 'k1')).toBeUndefined();
    expect(log.find(WELCOME_STILL_MODULE)).toHaveLength(1);
    expect(log.lines[0]).toMatch(/missing: a kiosk's first visit paints once the app has loaded/);
  });

  it('render once per config, kiosk and minute; none for a kiosk the store lacks', async () => {
    writeRenderer(dist.path);
    let now = 1_000_000_000_000;
    const stills = createWelcomeStills({
      distDir: dist.path,
      log: createMemoryLogger(),
      now: () => now,
    });
    const before = renders();
    const first = await stills.forKiosk(config(['k1']), 'v1', 'k1');
    expect(first?.html).toBe(`<h1>Welcome to corner at ${now}</h1>`);
    expect(await stills.forKiosk(config(['k1']), 'v1', 'k1')).toBe(first);
    expect(renders()).toBe(before + 1);
    now += 60_000;
    await stills.forKiosk(config(['k1']), 'v1', 'k1');
    await stills.forKiosk(config(['k1']), 'v2', 'k1');
    expect(renders()).toBe(before + 3);
    expect(await stills.forKiosk(config(['k1']), 'v2', 'made-up')).toBeUndefined();
    expect(renders()).toBe(before + 3);
  });

  it('come plain when a render fails, with the reason in the log', async () => {
    writeRenderer(dist.path);
    const log = createMemoryLogger();
    const stills = createWelcomeStills({ distDir: dist.path, log });
    expect(await stills.forKiosk(config(['broken']), 'v1', 'broken')).toBeUndefined();
    expect(log.find('no catalog for xx')).toHaveLength(1);
  });
});

describe("a kiosk's first visit to the hub", () => {
  let dist: TempDir;
  let q: QuietHub;
  beforeAll(async () => {
    dist = tempDir('dist-still');
    writeFileSync(path.join(dist.path, 'index.html'), INDEX);
    writeRenderer(dist.path);
    q = await startQuietHub({ distDir: dist.path });
  });
  afterAll(async () => {
    await q.close();
    dist.remove();
  });

  it('gets the welcome in the page, never from a cache, compressed where the browser takes it', async () => {
    const res = await fetch(`${q.hub.httpUrl}/kiosk?kiosk=kiosk-1`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const page = await res.text();
    expect(page).toMatch(
      /<body><div id="first-paint" class="surface surface--kiosk first-paint" aria-hidden="true" inert><h1>Welcome to \S+ at \d+<\/h1><\/div><div id="root">/,
    );
    const plain = await rawGet(q.hub.httpUrl, '/kiosk?kiosk=kiosk-1');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('id="first-paint"');
  });

  it('gets the plain page for a kiosk the store lacks, and the renderer is not served', async () => {
    expect(await (await fetch(`${q.hub.httpUrl}/kiosk?kiosk=nope`)).text()).toBe(INDEX);
    expect(await (await fetch(`${q.hub.httpUrl}/board?kiosk=kiosk-1`)).text()).toBe(INDEX);
    expect((await fetch(`${q.hub.httpUrl}/${WELCOME_STILL_MODULE}`)).status).toBe(404);
  });

  it('gets the plain page when the still does not fit the page, with a line in the log', async () => {
    writeFileSync(path.join(dist.path, 'index.html'), '<!doctype html><p>no body</p>');
    try {
      const res = await fetch(`${q.hub.httpUrl}/kiosk?kiosk=kiosk-1`);
      expect(await res.text()).toBe('<!doctype html><p>no body</p>');
      expect(q.log.find('served without its first paint')).toHaveLength(1);
    } finally {
      writeFileSync(path.join(dist.path, 'index.html'), INDEX);
    }
  });
});
