import { describe, expect, it } from 'vitest';
import { ev } from '../testing/store.ts';
import { validateEvent } from '../sync/validate.ts';
import { fold } from './fold.ts';

describe('staff sign-in in the fold', () => {
  it('tracks who is signed in on each device, and a late sign-out of someone else does not sign the new person out', () => {
    const s = fold([
      ev('tab-1', 1, 1000, { type: 'staff.signedIn', staff: 'anna' }),
      ev('tab-2', 1, 1500, { type: 'staff.signedIn', staff: 'bela' }),
      ev('tab-1', 2, 2000, { type: 'staff.signedOut', staff: 'anna' }),
      ev('tab-1', 3, 3000, { type: 'staff.signedIn', staff: 'cleo' }),
      ev('tab-1', 4, 4000, { type: 'staff.signedOut', staff: 'anna' }),
    ]);
    expect([...s.staffOn.entries()].sort()).toEqual([
      ['tab-1', 'cleo'],
      ['tab-2', 'bela'],
    ]);
  });

  it('validates the staff id', () => {
    const good = ev('tab-1', 1, 1000, { type: 'staff.signedIn', staff: 'anna' });
    expect(validateEvent(good)).toEqual({ ok: true, value: good });
    expect(validateEvent({ ...good, staff: '' })).toEqual({
      ok: false,
      reason: expect.stringMatching(/"staff"/) as unknown,
    });
  });
});
