/**
 * A clerk serving several customers: one visit on screen, the others parked (e.g. one
 * customer tries something on while the clerk helps the next). Invariants: a visit is at
 * most once in `parked`, never both active and parked. Impossible actions return the same
 * object, so a caller can tell nothing changed.
 */
export interface Parking {
  readonly active: string | null;
  /** Oldest first; the screen lists them so none is forgotten. */
  readonly parked: readonly string[];
}

export type ParkingAction =
  /** A new visit takes the screen; the current one is parked, not lost. */
  | { readonly type: 'start'; readonly visitId: string }
  | { readonly type: 'park' }
  /** Brings a parked visit back; the current one is parked in its place. */
  | { readonly type: 'resume'; readonly visitId: string }
  /** A visit reached a final state, wherever it is. */
  | { readonly type: 'finish'; readonly visitId: string };

export const emptyParking: Parking = { active: null, parked: [] };

const parkActive = (s: Parking): readonly string[] =>
  s.active === null ? s.parked : [...s.parked, s.active];

export function parkingReducer(state: Parking, action: ParkingAction): Parking {
  switch (action.type) {
    case 'start': {
      const { visitId } = action;
      if (state.active === visitId) return state;
      if (state.parked.includes(visitId)) return parkingReducer(state, { type: 'resume', visitId });
      return { active: visitId, parked: parkActive(state) };
    }
    case 'park':
      return state.active === null ? state : { active: null, parked: parkActive(state) };
    case 'resume': {
      const { visitId } = action;
      if (!state.parked.includes(visitId)) return state;
      return { active: visitId, parked: parkActive(state).filter((id) => id !== visitId) };
    }
    case 'finish': {
      const { visitId } = action;
      if (state.active === visitId) return { active: null, parked: state.parked };
      if (!state.parked.includes(visitId)) return state;
      return { active: state.active, parked: state.parked.filter((id) => id !== visitId) };
    }
  }
}
