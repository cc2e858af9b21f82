import { describe, expect, it } from 'vitest';
import type { StoreConfig } from '../domain/config/types.ts';
import { testStore } from '../domain/testing/store.ts';
import type { Transport } from '../sync/ports.ts';
import { startHaDiscovery } from './ha-discovery-publisher.ts';
import { createMemoryLogger } from './log.ts';

/** A connected transport that records what is published and lets the test deliver messages. */
function recorder() {
  const sent: { topic: string; payload: string; retain: boolean | undefined }[] = [];
  let deliver: (topic: string, payload: string) => void = () => undefined;
  const transport: Transport = {
    state: 'online',
    publish: (topic, payload, o) => {
      sent.push({ topic, payload, retain: o.retain });
      return Promise.resolve();
    },
    subscribe: () => Promise.resolve(),
    onMessage: (h) => {
      deliver = (t, p) => h(t, p, p.length);
    },
    onStateChange: () => undefined,
    close: () => Promise.resolve(),
  };
  return { sent, transport, deliver: (t: string, p: string) => deliver(t, p) };
}

const enabled: StoreConfig = { ...testStore, mqtt: { ...testStore.mqtt, homeAssistant: true } };

describe('the Home Assistant discovery publisher', () => {
  it('publishes nothing, and subscribes to nothing, when the store has not enabled it', () => {
    const r = recorder();
    startHaDiscovery({
      config: testStore,
      transport: r.transport,
      agentDevice: 'a',
      log: createMemoryLogger(),
    });
    r.deliver('homeassistant/status', 'online');
    expect(r.sent).toEqual([]);
  });

  it('publishes retained configs, again on Home Assistant’s birth, and follows the settings', () => {
    const r = recorder();
    const log = createMemoryLogger();
    const ha = startHaDiscovery({ config: enabled, transport: r.transport, agentDevice: 'a', log });
    const per = 5 * enabled.services.length;
    expect(r.sent).toHaveLength(per);
    expect(r.sent.every((m) => m.retain === true)).toBe(true);
    expect(log.find('Home Assistant discovery: ')).toHaveLength(1);
    r.deliver('homeassistant/status', 'offline');
    expect(r.sent).toHaveLength(per);
    r.deliver('homeassistant/status', 'online');
    expect(r.sent).toHaveLength(2 * per);

    // a manager renames the first service and removes the last
    const [first, ...rest] = enabled.services;
    const gone = rest.at(-1)!;
    const next: StoreConfig = {
      ...enabled,
      services: [{ ...first!, name: { en: 'Expert advice' } }, ...rest.slice(0, -1)],
    };
    r.sent.length = 0;
    ha.setConfig(next);
    const removed = r.sent.filter((m) => m.payload === '').map((m) => m.topic);
    expect(removed).toHaveLength(5);
    for (const t of removed) expect(t).toContain(`/${gone.id}_`);
    const names = r.sent
      .filter((m) => m.payload !== '')
      .map((m) => (JSON.parse(m.payload) as { name: string }).name);
    expect(names).toContain('Expert advice wait');
    expect(names.some((n) => n.startsWith(gone.name['en']!))).toBe(false);
  });
});
