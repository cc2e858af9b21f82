import { describe, expect, it } from 'vitest';
import type { StoreConfig } from '../../domain/config/types.ts';
import type { HubConfig } from './config-source.ts';
import { followHubConfig } from './live-config.ts';

const TOPIC = 'nextup/v1/store-001/config';

function hubConfig(version: string, store = 'store-001'): HubConfig {
  return { config: { store: { id: store } } as StoreConfig, broker: { wsUrl: '' }, version };
}

/** A transport that delivers what the test says, and a hub whose answers the test releases. */
function setup(start: HubConfig) {
  let deliver: (topic: string, payload: string) => void = () => undefined;
  const subscribed: string[] = [];
  const asked: ((c: HubConfig | undefined) => void)[] = [];
  let current = start;
  const applied: string[] = [];
  followHubConfig({
    transport: {
      onMessage: (h) => (deliver = (t, p) => h(t, p, p.length)),
      subscribe: (list) => {
        subscribed.push(...list);
        return Promise.resolve();
      },
    },
    topic: TOPIC,
    current: () => current,
    apply: (fresh) => {
      current = fresh;
      applied.push(fresh.version ?? '');
    },
    fetch: () => new Promise((resolve) => asked.push(resolve)),
  });
  return { deliver: (p: string, t = TOPIC) => deliver(t, p), subscribed, asked, applied };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('a device follows the hub’s config', () => {
  it('fetches a version it does not hold, once, and ignores its own and odd payloads', async () => {
    const s = setup(hubConfig('v1'));
    expect(s.subscribed).toEqual([TOPIC]);
    s.deliver(JSON.stringify({ version: 'v1' }));
    s.deliver('not json');
    s.deliver(JSON.stringify({ version: 2 }));
    s.deliver(JSON.stringify({ version: 'v2' }), 'nextup/v1/store-001/calls');
    expect(s.asked).toHaveLength(0);
    s.deliver(JSON.stringify({ version: 'v2' }));
    s.deliver(JSON.stringify({ version: 'v2' }));
    expect(s.asked).toHaveLength(1);
    s.asked[0]?.(hubConfig('v2'));
    await settle();
    expect(s.applied).toEqual(['v2']);
  });

  it('a version heard while fetching is fetched after; another store’s config is left alone', async () => {
    const s = setup(hubConfig('v1'));
    s.deliver(JSON.stringify({ version: 'v2' }));
    s.deliver(JSON.stringify({ version: 'v3' }));
    s.asked[0]?.(hubConfig('v2'));
    await settle();
    expect(s.asked).toHaveLength(2);
    s.asked[1]?.(hubConfig('v3', 'store-999'));
    await settle();
    expect(s.applied).toEqual(['v2']);
  });
});
