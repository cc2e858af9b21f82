import { describe, expect, it } from 'vitest';
import {
  DEVICE_ROLES,
  RULES,
  SURFACE_HOSTS,
  filterCovers,
  mayPublish,
  maySubscribe,
  surfaceMayRunAs,
} from './roles.ts';

describe('surfaces shown under another device’s enrollment', () => {
  it('the floor view runs on a clerk tablet; nothing else crosses roles', () => {
    expect(surfaceMayRunAs('floor', 'clerk')).toBe(true);
    expect(surfaceMayRunAs('floor', 'floor')).toBe(true);
    expect(surfaceMayRunAs('clerk', 'floor')).toBe(false);
    expect(surfaceMayRunAs('floor', 'kiosk')).toBe(false);
    expect(surfaceMayRunAs('manager', 'clerk')).toBe(false);
    expect(surfaceMayRunAs('kiosk', 'board')).toBe(false);
  });

  it('a host role already holds every right of the surfaces it shows (no grant is widened)', () => {
    for (const surface of DEVICE_ROLES) {
      for (const host of SURFACE_HOSTS[surface] ?? []) {
        const needs = RULES[surface];
        const has = RULES[host];
        for (const action of ['publish', 'subscribe'] as const) {
          for (const f of needs[action]) {
            expect(
              has[action].some((h) => filterCovers(h, f)),
              `${host} ${action} ${f}`,
            ).toBe(true);
          }
        }
        const events = has.events;
        if (events !== '*') {
          expect(needs.events).not.toBe('*');
          for (const type of needs.events as readonly string[]) expect(events).toContain(type);
        }
      }
    }
  });
});

describe('Home Assistant discovery, outside the store topics', () => {
  const P = 'nextup/v1';
  const agent = { role: 'agent', store: 'store-001', device: 'agent-store-001' } as const;
  const board = { role: 'board', store: 'store-001', device: 'board-ha' } as const;
  const kiosk = { role: 'kiosk', store: 'store-001', device: 'kiosk-1' } as const;

  it("the agent writes its own store's configs, never another store's, and hears HA's status", () => {
    expect(mayPublish(agent, 'homeassistant/sensor/store-001/advice_wait/config', P)).toBe(true);
    expect(mayPublish(agent, 'homeassistant/sensor/store-002/advice_wait/config', P)).toBe(false);
    expect(mayPublish(agent, 'homeassistant/status', P)).toBe(false);
    expect(maySubscribe(agent, 'homeassistant/status', P)).toBe(true);
  });

  it('a board (how Home Assistant enrolls) reads discovery and says HA is back, no more', () => {
    expect(maySubscribe(board, 'homeassistant/#', P)).toBe(true);
    expect(mayPublish(board, 'homeassistant/status', P)).toBe(true);
    expect(mayPublish(board, 'homeassistant/sensor/store-001/advice_wait/config', P)).toBe(false);
    expect(maySubscribe(board, '#', P)).toBe(false);
  });

  it('other devices get nothing outside their store', () => {
    expect(maySubscribe(kiosk, 'homeassistant/#', P)).toBe(false);
    expect(mayPublish(kiosk, 'homeassistant/status', P)).toBe(false);
  });
});
