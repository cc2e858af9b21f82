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

/** Its role and number: "Kiosk 2". */
export function numberedLabel(t: Translate, name: DeviceName): string {
  return t('devices.name.numbered', { role: roleLabel(t, name.role), number: name.number });
}

/** "Till by the door", or "Kiosk 2" for a device nobody named. */
export function deviceLabel(t: Translate, name: DeviceName): string {
  return name.given ?? numberedLabel(t, name);
}
