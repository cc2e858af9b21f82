import { describe, expect, it } from 'vitest';
import { cleanDeviceName, deviceNames, MAX_DEVICE_NAME } from './device-names.ts';
import { deviceState } from './device-state.ts';
import { summarizeRefusals } from './refusals.ts';

describe('device names', () => {
  it('numbers each role from 1 in enrollment order, and a given name wins', () => {
    const names = deviceNames([
      { id: 'agent-s', role: 'agent' },
      { id: 'kiosk-a', role: 'kiosk' },
      { id: 'clerk-a', role: 'clerk', name: '  Till by the door ' },
      { id: 'kiosk-b', role: 'kiosk' },
      { id: 'clerk-b', role: 'clerk', name: '   ' },
    ]);
    expect(Object.fromEntries(names)).toEqual({
      'agent-s': { given: undefined, role: 'agent', number: 1 },
      'kiosk-a': { given: undefined, role: 'kiosk', number: 1 },
      // the named clerk still holds number 1: clearing its name gives it back
      'clerk-a': { given: 'Till by the door', role: 'clerk', number: 1 },
      'kiosk-b': { given: undefined, role: 'kiosk', number: 2 },
      'clerk-b': { given: undefined, role: 'clerk', number: 2 },
    });
  });

  it('cleans a name to one short line, and refuses what is not text', () => {
    expect(cleanDeviceName('  Till\n\t 2 \u0000 ')).toBe('Till 2');
    expect(cleanDeviceName('a\u202eb')).toBe('a b');
    expect(cleanDeviceName('')).toBe('');
    expect(cleanDeviceName(7)).toBeUndefined();
    expect(cleanDeviceName(null)).toBeUndefined();
    const long = cleanDeviceName('x'.repeat(100))!;
    expect(long).toHaveLength(MAX_DEVICE_NAME);
    // cut by characters, never inside one
    expect(cleanDeviceName('😀'.repeat(50))).toBe('😀'.repeat(MAX_DEVICE_NAME));
  });
});

describe('device state', () => {
  it('removed beats presence; no presence is "never seen"', () => {
    expect(deviceState(true, { online: true, at: 1 })).toBe('removed');
    expect(deviceState(false, undefined)).toBe('neverSeen');
    expect(deviceState(false, { online: true, at: 1 })).toBe('online');
    expect(deviceState(false, { online: false, at: 1 })).toBe('offline');
  });
});

describe('refused messages', () => {
  it('totals by kind, most first, and counts unknown kinds as other', () => {
    expect(
      summarizeRefusals({ forged: 2, 'other store': 5, 'a new kind': 1, malformed: 0, x: -3 }),
    ).toEqual({
      total: 8,
      kinds: [
        { kind: 'other store', count: 5 },
        { kind: 'forged', count: 2 },
        { kind: 'other', count: 1 },
      ],
    });
    expect(summarizeRefusals({})).toEqual({ total: 0, kinds: [] });
  });
});
