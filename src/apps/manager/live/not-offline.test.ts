import { describe, expect, it } from 'vitest';
import type { PresenceEntry } from '../../runtime/presence.ts';
import { notOfflineCapable } from './not-offline.ts';

const at = Date.parse('2026-03-02T09:00:00Z');

describe('tablets that will not start offline', () => {
  it('lists online devices that said they cannot start offline, and only those', () => {
    const entry = (device: string, online: boolean, offlineCapable?: boolean): PresenceEntry => ({
      device,
      role: 'clerk',
      online,
      at,
      offlineCapable,
    });
    const list = notOfflineCapable([
      entry('a', true, false),
      entry('b', true, true),
      entry('c', true),
      entry('d', false, false),
      entry('manager-1', true, false),
    ]);
    expect(list.map((e) => e.device)).toEqual(['a', 'manager-1']);
  });
});
