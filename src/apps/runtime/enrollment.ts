import type { NextupDb } from '../../data/db.ts';

/** What the hub gave this device when it enrolled: its id and broker password. */
export interface DeviceCredentials {
  readonly deviceId: string;
  readonly role: string;
  readonly password: string;
}

/** The hub wants a pairing code from a manager before this device may join. */
export class PairingNeededError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PairingNeededError';
  }
}

const KEY = 'credentials';
/** The pairing code travels in the URL the manager's QR code opens: /<surface>?pair=CODE */
export const PAIR_PARAM = 'pair';

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
  db: NextupDb,
  role: string,
  proposedId: string,
  code: string | null,
  /** Enroll again even with credentials kept (the hub no longer knows them). */
  force = false,
): Promise<DeviceCredentials> {
  const row = await db.kv.get(KEY);
  if (!force && isCredentials(row?.value) && row.value.role === role) return row.value;
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
    );
  }
  const creds: DeviceCredentials = { deviceId: body.deviceId, role, password: body.password };
  await db.transaction('rw', db.kv, async () => {
    await db.kv.put({ key: KEY, value: creds });
    await db.kv.put({ key: 'deviceId', value: creds.deviceId });
  });
  return creds;
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
