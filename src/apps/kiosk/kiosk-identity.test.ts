import { describe, expect, it } from 'vitest';
import { kioskIdFromUrl } from './kiosk-identity.ts';

describe('kioskIdFromUrl', () => {
  it('reads the kiosk parameter', () => {
    expect(kioskIdFromUrl('?kiosk=kiosk-1')).toBe('kiosk-1');
    expect(kioskIdFromUrl('?lang=pl&kiosk=entrance.2')).toBe('entrance.2');
  });

  it('ignores a missing or malformed id', () => {
    expect(kioskIdFromUrl('')).toBeUndefined();
    expect(kioskIdFromUrl('?kiosk=')).toBeUndefined();
    expect(kioskIdFromUrl('?kiosk=a%20b')).toBeUndefined();
    expect(kioskIdFromUrl(`?kiosk=${'x'.repeat(65)}`)).toBeUndefined();
  });
});
