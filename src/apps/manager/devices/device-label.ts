import type { DeviceName } from '../../../domain/devices/device-names.ts';
import { DEVICE_ROLES } from '../../../domain/security/roles.ts';
import type { Translate } from '../../../ui/i18n/translate.ts';

const NAMED_ROLES: readonly string[] = [...DEVICE_ROLES, 'agent'];

/** A role in the manager's words ("Clerk tablet"); a role this version does not know, as sent. */
export function roleLabel(t: Translate, role: string): string {
  return NAMED_ROLES.includes(role)
    ? t(`devices.role.${role as (typeof DEVICE_ROLES)[number] | 'agent'}`)
    : role;
}

/** Its role and number: "Kiosk 2" (the store hub is one of its kind: "Store hub"). */
export function numberedLabel(t: Translate, name: DeviceName): string {
  if (name.role === 'agent') return roleLabel(t, name.role);
  return t('devices.name.numbered', { role: roleLabel(t, name.role), number: name.number });
}

/** "Till by the door", or "Kiosk 2" for a device nobody named. */
export function deviceLabel(t: Translate, name: DeviceName): string {
  return name.given ?? numberedLabel(t, name);
}
