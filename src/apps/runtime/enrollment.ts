import type { DeviceKv } from '../../data/device-db.ts';
import { PAIR_PARAM } from '../../domain/security/pair-param.ts';
import { surfaceMayRunAs } from '../../domain/security/roles.ts';

/** What the hub gave this device when it enrolled: its id and broker password. */
export interface DeviceCredentials {
  readonly deviceId: string;
  readonly role: string;
  readonly password: string;
}

/** The hub wants a pairing code from a manager before this device may join. */
export class PairingNeededError extends Error {
  constructor(
    message: string,
    /** The hub has no manager yet and this is a manager: nobody to ask, the hub's link is the way. */
    readonly firstManager = false,
  ) {
    super(message);
    this.name = 'PairingNeededError';
  }
}

/** A manager revoked this device: it needs a new pairing code before it may join again. */
export class DeviceRemovedError extends Error {
  constructor() {
    super('a manager removed this device from the store');
    this.name = 'DeviceRemovedError';
  }
}

const KEY = 'credentials';
/** Set once the hub said these credentials were revoked; cleared by pairing again. */
const REMOVED_KEY = 'removed';

function isCredentials(x: unknown): x is DeviceCredentials {
  if (typeof x !== 'object' || x === null) return false;
  const c = x as Record<string, unknown>;
  return (
    typeof c.deviceId === 'string' && typeof c.role === 'string' && typeof c.password === 'string'
  );
}

/**
 * This device's credentials for `role`, kept in its own IndexedDB next to its data (a wiped
 * database is a new device). Enrolls with the hub the first time: with the pairing code from
 * the URL, or without one where the hub trusts this machine (hub and browser on one computer).
 */
export async function loadOrEnroll(
  kv: DeviceKv,
  role: string,
  proposedId: string,
  code: string | null,
  /** Enroll again even with credentials kept (the hub no longer knows them). */
  force = false,
): Promise<DeviceCredentials> {
  const value = await kv.get(KEY);
  const kept = isCredentials(value) ? value : undefined;
  if (kept && (await kv.get(REMOVED_KEY)) === true) {
    if (!code) throw new DeviceRemovedError();
    // paired again as the device it was: same role, same id (its data is under it)
    return enroll(kv, kept.role, kept.deviceId, code);
  }
  if (!force && kept && surfaceMayRunAs(role, kept.role)) return kept;
  return enroll(kv, role, proposedId, code);
}

async function enroll(
  kv: DeviceKv,
  role: string,
  proposedId: string,
  code: string | null,
): Promise<DeviceCredentials> {
  let res: Response;
  try {
    res = await fetch('/api/devices/enroll', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ role, hint: proposedId, deviceId: proposedId, code: code ?? '' }),
      cache: 'no-store',
    });
  } catch {
    throw new PairingNeededError('The store hub cannot be reached to enroll this device.');
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok || typeof body.deviceId !== 'string' || typeof body.password !== 'string') {
    throw new PairingNeededError(
      typeof body.error === 'string' ? body.error : `enrollment failed (${res.status})`,
      body.firstManager === true,
    );
  }
  const creds: DeviceCredentials = { deviceId: body.deviceId, role, password: body.password };
  await kv.write(
    [
      { key: KEY, value: creds },
      { key: 'deviceId', value: creds.deviceId },
    ],
    [REMOVED_KEY],
  );
  return creds;
}

/** Remembers that the hub revoked this device, so a restart shows it too (not the store). */
export async function markRemoved(kv: DeviceKv): Promise<void> {
  await kv.write([{ key: REMOVED_KEY, value: true }]);
}

/**
 * What the hub makes of this device's credentials (src/hub/devices-api.ts): the broker only
 * says "not authorized", which cannot tell a revoked device from one the hub forgot.
 * Undefined when the hub cannot be asked.
 */
export async function credentialStatus(
  deviceId: string,
  password: string,
): Promise<'active' | 'revoked' | 'unknown' | undefined> {
  try {
    const res = await fetch('/api/devices/status', {
      method: 'POST',
      headers: { Authorization: `Basic ${btoa(`${deviceId}:${password}`)}` },
      cache: 'no-store',
    });
    const body = (await res.json()) as { status?: unknown };
    const status = body.status;
    return status === 'active' || status === 'revoked' || status === 'unknown' ? status : undefined;
  } catch {
    return undefined;
  }
}

/** The pairing code in this page's URL, if any. */
export function pairingCodeFromUrl(loc: Location): string | null {
  return new URLSearchParams(loc.search).get(PAIR_PARAM);
}

/** Takes a used pairing code out of the address bar (and out of history and bookmarks). */
export function forgetPairingCode(): void {
  const url = new URL(location.href);
  if (!url.searchParams.has(PAIR_PARAM)) return;
  url.searchParams.delete(PAIR_PARAM);
  history.replaceState(history.state, '', url);
}
