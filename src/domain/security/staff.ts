import type { StaffConfig, StoreConfig } from '../config/types.ts';
import type { CommandResult } from '../queue/commands.ts';
import type { QueueState } from '../queue/state.ts';
import { verifyPin } from '../kiosk/pin.ts';

/** Staff sign-in on a clerk tablet: who works on it, for per-clerk reports. */
export function staffList(config: Pick<StoreConfig, 'staff'>): readonly StaffConfig[] {
  return config.staff ?? [];
}

/** The name to show for a member of staff (their id when the store does not list them). */
export function staffName(config: Pick<StoreConfig, 'staff'>, staffId: string): string {
  return staffList(config).find((s) => s.id === staffId)?.name ?? staffId;
}

/** Whether this tablet must have someone signed in before it can be used. */
export function needsSignIn(
  config: Pick<StoreConfig, 'staff'>,
  state: Pick<QueueState, 'staffOn'>,
  device: string,
): boolean {
  return staffList(config).length > 0 && !state.staffOn.has(device);
}

/** The member of staff `staffId` if `pin` is theirs. */
export function checkStaffPin(
  config: Pick<StoreConfig, 'staff'>,
  staffId: string,
  pin: string,
): StaffConfig | undefined {
  const member = staffList(config).find((m) => m.id === staffId);
  return member && pin !== '' && verifyPin(pin, member.pin) ? member : undefined;
}

export function signIn(staffId: string): CommandResult {
  return { ok: true, event: { type: 'staff.signedIn', staff: staffId } };
}

/** Signs out whoever is signed in on `device`. */
export function signOut(state: Pick<QueueState, 'staffOn'>, device: string): CommandResult {
  const staff = state.staffOn.get(device);
  if (staff === undefined) return { ok: false, error: 'alreadyRecorded' };
  return { ok: true, event: { type: 'staff.signedOut', staff } };
}
