import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { askHubConfigEarly, loadHubConfig, setupPageUrl } from './config-source.ts';

describe('setup page address from /api/config', () => {
  it('reads setup.url', () => {
    expect(setupPageUrl({ setup: { url: 'http://store-hub.local:8081/' } })).toBe(
      'http://store-hub.local:8081/',
    );
  });

  it('has none in configs from older hubs, empty ones and odd shapes', () => {
    for (const setup of [undefined, null, '', 'http://x/', {}, { url: '' }, { url: 7 }])
      expect(setupPageUrl({ setup })).toBeUndefined();
    expect(setupPageUrl({})).toBeUndefined();
  });

  it('takes only web addresses, never a script', () => {
    expect(setupPageUrl({ setup: { url: 'javascript:alert(1)' } })).toBeUndefined();
    expect(setupPageUrl({ setup: { url: '/setup' } })).toBeUndefined();
  });
});

/** A page's localStorage (node has none), and fetch as each test stubs it; real timers after. */
function pageStorage(): void {
  beforeEach(() => {
    const kept = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => kept.get(k) ?? null,
      setItem: (k: string, v: string) => void kept.set(k, v),
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
}

describe('the config asked for as the page starts', () => {
  pageStorage();
  const body = { config: { store: { id: 'store-001' } }, broker: { wsUrl: '' } };

  it("is the runtime's first load (one request), and a later load asks again", async () => {
    const fetch = vi.fn(() => Promise.resolve(Response.json(body)));
    vi.stubGlobal('fetch', fetch);
    askHubConfigEarly();
    askHubConfigEarly(); // (a second call asks nothing more)
    expect(fetch).toHaveBeenCalledTimes(1);
    expect((await loadHubConfig()).config.store.id).toBe('store-001');
    expect(fetch).toHaveBeenCalledTimes(1);
    await loadHubConfig();
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('falls back to the kept copy when the early question failed', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(Response.json(body)));
    await loadHubConfig(); // kept
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    askHubConfigEarly();
    expect((await loadHubConfig()).config.store.id).toBe('store-001');
  });
});

/** Starts a device's config load; what it started on (its store, as JSON) once it has. */
function watchStart(): () => string | undefined {
  let started: string | undefined;
  void loadHubConfig().then((hub) => (started = JSON.stringify(hub.config.store)));
  return () => started;
}

describe('a start with a copy of the config', () => {
  pageStorage();
  const body = (name: string) => ({
    config: { store: { id: 'store-001', name } },
    broker: { wsUrl: '' },
  });

  it('waits half a second for a hub that does not answer (switched off), then starts on the copy, and keeps the late answer for the next start', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(Response.json(body('kept'))));
    await loadHubConfig();
    vi.useFakeTimers();
    let answer = (_: Response): void => undefined;
    vi.stubGlobal('fetch', () => new Promise<Response>((resolve) => (answer = resolve)));
    const started = watchStart();
    await vi.advanceTimersByTimeAsync(499);
    expect(started()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(started()).toContain('kept');
    answer(Response.json(body('renamed')));
    await vi.advanceTimersByTimeAsync(0);
    expect(localStorage.getItem('nextup.hubConfig')).toContain('renamed');
  });

  it('without a copy (a first start), waits for the hub as long as it takes to answer', async () => {
    vi.useFakeTimers();
    vi.stubGlobal(
      'fetch',
      () =>
        new Promise<Response>((resolve) =>
          setTimeout(() => resolve(Response.json(body('fresh'))), 2000),
        ),
    );
    const started = watchStart();
    await vi.advanceTimersByTimeAsync(1999);
    expect(started()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(started()).toContain('fresh');
  });
});
