import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyParking, parkingReducer, type Parking, type ParkingAction } from './parking.ts';

const apply = (actions: ParkingAction[], from: Parking = emptyParking) =>
  actions.reduce(parkingReducer, from);

describe('parked visits', () => {
  it('parks the current visit when another starts, and swaps on resume', () => {
    const s = apply([
      { type: 'start', visitId: 'a' },
      { type: 'start', visitId: 'b' },
    ]);
    expect(s).toEqual({ active: 'b', parked: ['a'] });
    expect(parkingReducer(s, { type: 'resume', visitId: 'a' })).toEqual({
      active: 'a',
      parked: ['b'],
    });
  });

  it('finishes a visit wherever it is', () => {
    const s = apply([
      { type: 'start', visitId: 'a' },
      { type: 'start', visitId: 'b' },
      { type: 'park' },
    ]);
    expect(s).toEqual({ active: null, parked: ['a', 'b'] });
    expect(parkingReducer(s, { type: 'finish', visitId: 'a' })).toEqual({
      active: null,
      parked: ['b'],
    });
    const resumed = parkingReducer(s, { type: 'resume', visitId: 'b' });
    expect(parkingReducer(resumed, { type: 'finish', visitId: 'b' })).toEqual({
      active: null,
      parked: ['a'],
    });
  });

  it('returns the same object for impossible actions', () => {
    const s = apply([{ type: 'start', visitId: 'a' }]);
    expect(parkingReducer(s, { type: 'resume', visitId: 'zz' })).toBe(s);
    expect(parkingReducer(s, { type: 'finish', visitId: 'zz' })).toBe(s);
    expect(parkingReducer(s, { type: 'start', visitId: 'a' })).toBe(s);
    expect(parkingReducer(emptyParking, { type: 'park' })).toBe(emptyParking);
  });

  it('never loses or duplicates a visit (property)', () => {
    const id = fc.constantFrom('a', 'b', 'c', 'd');
    const action: fc.Arbitrary<ParkingAction> = fc.oneof(
      id.map((visitId) => ({ type: 'start' as const, visitId })),
      fc.constant({ type: 'park' as const }),
      id.map((visitId) => ({ type: 'resume' as const, visitId })),
      id.map((visitId) => ({ type: 'finish' as const, visitId })),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 40 }), (actions) => {
        let s = emptyParking;
        const open = new Set<string>();
        for (const a of actions) {
          s = parkingReducer(s, a);
          if (a.type === 'start') open.add(a.visitId);
          if (a.type === 'finish') open.delete(a.visitId);
          const all = [...s.parked, ...(s.active === null ? [] : [s.active])];
          expect(new Set(all).size).toBe(all.length);
          expect(new Set(all)).toEqual(open);
        }
      }),
    );
  });
});
