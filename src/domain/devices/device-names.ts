/**
 * The names a manager sees for the store's devices: the name the manager gave one, or its
 * role and a number ("Kiosk 2"). Ids such as `clerk-clerk-3f9a0c1d` mean nothing to a person.
 */
export interface ListedDevice {
  readonly id: string;
  readonly role: string;
  /** The name a manager gave it, if any. */
  readonly name?: string | undefined;
}

/** A device's given name, if any, and its role and number ("Kiosk 2") either way. */
export interface DeviceName {
  readonly given: string | undefined;
  readonly role: string;
  readonly number: number;
}

/** Longest name a manager may give a device (it must fit a row on a phone). */
export const MAX_DEVICE_NAME = 40;

/**
 * Names for a list in the order the devices first enrolled (the hub's order). Each role is
 * numbered from 1; removed devices keep their number, so "Kiosk 2" stays Kiosk 2 when
 * Kiosk 1 is removed, and a named device has its number too, for when the name is cleared.
 */
export function deviceNames(devices: readonly ListedDevice[]): Map<string, DeviceName> {
  const counts = new Map<string, number>();
  const names = new Map<string, DeviceName>();
  for (const d of devices) {
    const number = (counts.get(d.role) ?? 0) + 1;
    counts.set(d.role, number);
    names.set(d.id, { given: d.name?.trim() || undefined, role: d.role, number });
  }
  return names;
}

/**
 * A name as the hub keeps it: one line, no control characters, spaces collapsed, at most
 * MAX_DEVICE_NAME characters; '' clears the name. Undefined for anything but a string.
 */
export function cleanDeviceName(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex -- control characters are what is taken out
  const plain = raw.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e]/g, ' ');
  return [...plain.replace(/\s+/g, ' ').trim()].slice(0, MAX_DEVICE_NAME).join('').trim();
}
