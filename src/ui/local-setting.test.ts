import { describe, expect, it } from 'vitest';
import { isString, localSetting } from './local-setting.ts';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, v),
  };
}

describe('localSetting', () => {
  it('round-trips a valid value', () => {
    const store = memoryStorage();
    const s = localSetting('k', isString, () => store);
    expect(s.read()).toBeUndefined();
    s.write('kiosk-1');
    expect(s.read()).toBe('kiosk-1');
    s.clear();
    expect(s.read()).toBeUndefined();
  });

  it('reads corrupt or invalid values as not set', () => {
    const store = memoryStorage();
    const s = localSetting('k', isString, () => store);
    store.setItem('k', '{not json');
    expect(s.read()).toBeUndefined();
    store.setItem('k', '42');
    expect(s.read()).toBeUndefined();
  });

  it('never throws when storage is unavailable', () => {
    const broken = () => {
      throw new Error('SecurityError');
    };
    const s = localSetting('k', isString, broken);
    expect(s.read()).toBeUndefined();
    expect(() => s.write('x')).not.toThrow();
    expect(() => s.clear()).not.toThrow();
  });
});
