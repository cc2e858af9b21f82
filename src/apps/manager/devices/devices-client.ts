import { callHub } from '../hub-api.ts';
/** The hub's device API as the manager's screen uses it (src/hub/devices-api.ts). */
export interface DeviceRow {
  readonly id: string;
  readonly role: string;
  readonly label: string;
  /** The name a manager gave it, if any. */
  readonly name?: string;
  readonly enrolledAt: string;
  readonly revoked: boolean;
}

export interface DevicesView {
  /** In the order they first enrolled (the numbers in "Kiosk 2" come from it). */
  readonly devices: readonly DeviceRow[];
  /** Messages the store agent refused since the hub started, by kind. */
  readonly dropped: Readonly<Record<string, number>>;
}

export interface PairingCode {
  readonly code: string;
  readonly expiresAt: number;
  readonly role: string;
}

/** GET without a body, POST with one (src/hub/devices-api.ts). */
const call = <T>(auth: string, path: string, body?: unknown): Promise<T> =>
  callHub<T>(auth, body === undefined ? 'GET' : 'POST', path, body);

export const devicesClient = {
  list: (auth: string) => call<DevicesView>(auth, '/api/devices'),
  pairingCode: (auth: string, role: string) =>
    call<PairingCode>(auth, '/api/devices/codes', { role }),
  revoke: (auth: string, id: string) => call<unknown>(auth, '/api/devices/revoke', { id }),
  /** '' clears the name. */
  rename: (auth: string, id: string, name: string) =>
    call<unknown>(auth, '/api/devices/name', { id, name }),
};

/** The address a new device opens (or its camera reads from the QR code) to pair. */
export function pairingUrl(origin: string, role: string, code: string): string {
  return `${origin}/${role}?pair=${encodeURIComponent(code)}`;
}
