import { describe, expect, it } from 'vitest';
import { hashPin } from '../kiosk/pin.ts';
import { checkStaffPin, needsSignIn, signIn, signOut, staffName } from './staff.ts';

const pin = (p: string) => ({ salt: 's1', iterations: 10, sha256: hashPin(p, 's1', 10) });
const config = {
  staff: [
    { id: 'anna', name: 'Anna', pin: pin('1234') },
    { id: 'bo', name: 'Bo', pin: pin('9876') },
  ],
};

describe('staff sign-in', () => {
  it('needs a sign-in only where staff are configured and nobody is on the tablet', () => {
    expect(needsSignIn({}, { staffOn: new Map() }, 'clerk-1')).toBe(false);
    expect(needsSignIn(config, { staffOn: new Map() }, 'clerk-1')).toBe(true);
    expect(needsSignIn(config, { staffOn: new Map([['clerk-1', 'anna']]) }, 'clerk-1')).toBe(false);
  });

  it('accepts only the PIN of the chosen person', () => {
    expect(checkStaffPin(config, 'anna', '1234')?.name).toBe('Anna');
    expect(checkStaffPin(config, 'anna', '9876')).toBeUndefined();
    expect(checkStaffPin(config, 'bo', '')).toBeUndefined();
    expect(checkStaffPin(config, 'nobody', '1234')).toBeUndefined();
  });

  it('writes staff.signedIn and signs out whoever is on this tablet', () => {
    expect(signIn('anna')).toEqual({ ok: true, event: { type: 'staff.signedIn', staff: 'anna' } });
    const state = { staffOn: new Map([['clerk-1', 'anna']]) };
    expect(signOut(state, 'clerk-1')).toEqual({
      ok: true,
      event: { type: 'staff.signedOut', staff: 'anna' },
    });
    expect(signOut(state, 'clerk-2').ok).toBe(false);
  });
});

describe('staff names', () => {
  it('shows a member of staff by name, and an unknown id as it is', () => {
    const cfg = {
      staff: [{ id: 'anna', name: 'Anna K.', pin: { salt: 's', iterations: 1, sha256: 'x' } }],
    };
    expect(staffName(cfg, 'anna')).toBe('Anna K.');
    expect(staffName(cfg, 'clerk-7f3a')).toBe('clerk-7f3a');
    expect(staffName({}, 'anna')).toBe('anna');
  });
});
