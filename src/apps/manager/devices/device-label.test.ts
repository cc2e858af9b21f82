import { describe, expect, it } from 'vitest';
import { deviceNames } from '../../../domain/devices/device-names.ts';
import { catalogs } from '../../../ui/i18n/all-languages.ts';
import { createTranslator, FSI, PDI } from '../../../ui/i18n/translate.ts';
import { deviceLabel, numberedLabel, roleLabel } from './device-label.ts';

/** Placeholders are isolated for bidi (FSI…PDI); the words are what this test reads. */
const plain = (s: string) => s.replaceAll(FSI, '').replaceAll(PDI, '');

describe('device labels on the manager’s Devices view', () => {
  const list = [
    { id: 'agent-store-001', role: 'agent' },
    { id: 'clerk-x-1', role: 'clerk' },
    { id: 'clerk-x-2', role: 'clerk', name: 'Till by the door' },
    { id: 'kiosk-x-1', role: 'kiosk' },
  ];
  const names = deviceNames(list);

  it('says role and number, the given name instead, and the hub without a number', () => {
    const t = createTranslator('en', catalogs['en']!);
    expect(list.map((d) => plain(deviceLabel(t, names.get(d.id)!)))).toEqual([
      'Store hub',
      'Clerk tablet 1',
      'Till by the door',
      'Kiosk 1',
    ]);
    // what an empty name gives back
    expect(plain(numberedLabel(t, names.get('clerk-x-2')!))).toBe('Clerk tablet 2');
  });

  it('speaks the store’s language, and shows a role it does not know as sent', () => {
    const pl = createTranslator('pl', catalogs['pl']!);
    expect(plain(deviceLabel(pl, names.get('clerk-x-1')!))).toBe('Tablet obsługi 1');
    const ar = createTranslator('ar', catalogs['ar']!);
    expect(plain(deviceLabel(ar, names.get('kiosk-x-1')!))).toContain('جهاز التذاكر');
    expect(roleLabel(pl, 'printer')).toBe('printer');
  });
});
