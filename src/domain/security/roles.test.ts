import { describe, expect, it } from 'vitest';
import { DEVICE_ROLES, RULES, SURFACE_HOSTS, filterCovers, surfaceMayRunAs } from './roles.ts';

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
