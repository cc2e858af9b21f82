import { pbkdf2Sync, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanDeviceName } from '../domain/devices/device-names.ts';
import {
  isDeviceRole,
  isRole,
  type DeviceRole,
  type Identity,
  type Role,
} from '../domain/security/roles.ts';

/**
 * The hub's enrolled devices (<data>/devices.json): id, role, label, a salted hash of the
 * secret and a revoked flag. Secrets are 128 random bits, so a hash in Mosquitto's own
 * password format (PBKDF2-SHA512, "$7$") serves both the embedded broker and password_file.
 */
export interface DeviceRecord {
  readonly id: string;
  readonly role: Role;
  readonly label: string;
  /** The name a manager gave it ("Till by the door"); the screen numbers unnamed ones. */
  readonly name?: string;
  readonly hash: string;
  readonly enrolledAt: string;
  readonly revoked: boolean;
  /** Trackers only. */
  readonly ticket?: string;
}

export interface Credentials {
  readonly username: string;
  readonly password: string;
}

export interface Enrolled extends Credentials {
  readonly deviceId: string;
  readonly role: Role;
}

export type CredentialStatus = 'active' | 'revoked' | 'unknown';

export class EnrollmentError extends Error {}

/** The device list could not be written: the change did not happen (or only until restart). */
export class DeviceListNotSaved extends Error {}

const FILE = 'devices.json';
const PBKDF2_ITERATIONS = 101;
/** Pairing codes: 8 characters without look-alikes, good for 10 minutes, used once. */
export const PAIRING_TTL_MS = 10 * 60_000;
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const DEVICE_ID = /^[A-Za-z0-9_.-]{1,64}$/;

export function hashSecret(secret: string, salt = randomBytes(12)): string {
  const hash = pbkdf2Sync(secret, salt, PBKDF2_ITERATIONS, 64, 'sha512');
  return `$7$${PBKDF2_ITERATIONS}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function verifySecret(secret: string, stored: string): boolean {
  const parts = stored.split('$');
  if (parts.length !== 5 || parts[1] !== '7') return false;
  const iterations = Number(parts[2]);
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > 1_000_000) return false;
  const expected = Buffer.from(parts[4]!, 'base64');
  const actual = pbkdf2Sync(secret, Buffer.from(parts[3]!, 'base64'), iterations, 64, 'sha512');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

function newSecret(): string {
  return randomBytes(16).toString('base64url');
}

function newCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

function isRecord(x: unknown): x is DeviceRecord {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return (
    typeof r.id === 'string' &&
    DEVICE_ID.test(r.id) &&
    isRole(r.role) &&
    typeof r.label === 'string' &&
    typeof r.hash === 'string' &&
    typeof r.enrolledAt === 'string' &&
    typeof r.revoked === 'boolean' &&
    (r.name === undefined || typeof r.name === 'string')
  );
}

interface PairingCode {
  readonly role: DeviceRole;
  readonly expiresAt: number;
}

export interface DeviceRegistryOptions {
  readonly dataDir: string;
  readonly store: string;
  readonly now?: () => number;
  readonly onSaveError?: (err: Error) => void;
  /** The device list was written (after a failure: the disk works again). */
  readonly onSaved?: () => void;
}

export class DeviceRegistry {
  private readonly devices = new Map<string, DeviceRecord>();
  private readonly codes = new Map<string, PairingCode>();
  private readonly listeners = new Set<() => void>();
  private readonly path: string;
  private readonly now: () => number;
  private agentSecret: string | undefined;
  private saving: Promise<Error | undefined> = Promise.resolve(undefined);

  constructor(private readonly opts: DeviceRegistryOptions) {
    this.path = join(opts.dataDir, FILE);
    this.now = opts.now ?? Date.now;
    let text: string | undefined;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      // first start: no devices yet
    }
    if (text !== undefined) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (err) {
        throw new EnrollmentError(`${this.path} is not valid JSON: ${(err as Error).message}`);
      }
      const body = parsed as { devices?: unknown; agentSecret?: unknown };
      if (!Array.isArray(body.devices)) {
        throw new EnrollmentError(`${this.path} has no "devices" list`);
      }
      for (const d of body.devices) if (isRecord(d)) this.devices.set(d.id, d);
      if (typeof body.agentSecret === 'string') this.agentSecret = body.agentSecret;
    }
  }

  get store(): string {
    return this.opts.store;
  }

  /**
   * The store agent's credentials. Its secret is kept in clear in devices.json because the
   * hub itself must present it to an external broker; the file is the hub's own (mode 600).
   */
  agentCredentials(): Credentials {
    const username = `agent-${this.opts.store}`;
    if (!this.agentSecret) {
      this.agentSecret = newSecret();
      void this.save();
    }
    const existing = this.devices.get(username);
    if (!existing || !verifySecret(this.agentSecret, existing.hash)) {
      this.put({
        id: username,
        role: 'agent',
        label: 'store agent',
        hash: hashSecret(this.agentSecret),
        enrolledAt: new Date(this.now()).toISOString(),
        revoked: false,
      });
    }
    return { username, password: this.agentSecret };
  }

  list(): DeviceRecord[] {
    return [...this.devices.values()].filter((d) => d.role !== 'tracker');
  }

  trackers(): DeviceRecord[] {
    return [...this.devices.values()].filter((d) => d.role === 'tracker');
  }

  get(id: string): DeviceRecord | undefined {
    return this.devices.get(id);
  }

  hasManager(): boolean {
    return this.list().some((d) => d.role === 'manager' && !d.revoked);
  }

  /** A one-time code a manager hands to a new device of `role`. */
  createPairingCode(role: DeviceRole, ttlMs = PAIRING_TTL_MS): { code: string; expiresAt: number } {
    this.pruneCodes();
    const code = newCode();
    const expiresAt = this.now() + ttlMs;
    this.codes.set(code, { role, expiresAt });
    return { code, expiresAt };
  }

  /**
   * Enrolls a device: with a pairing code (used up here), or `trusted` (loopback on a hub
   * that listens on loopback only). The id is `<role>-<hint>-<random>` unless the device
   * proposes one of that shape that nobody holds yet (it keeps the id its data is under).
   */
  enroll(req: {
    role: unknown;
    code?: unknown;
    hint?: unknown;
    deviceId?: unknown;
    trusted: boolean;
  }): Enrolled {
    if (!isDeviceRole(req.role)) throw new EnrollmentError('unknown role');
    const role = req.role;
    if (typeof req.code === 'string' && req.code !== '') {
      this.pruneCodes();
      const code = this.codes.get(req.code.trim().toUpperCase());
      if (!code) throw new EnrollmentError('the pairing code is unknown, used or expired');
      if (code.role !== role) {
        throw new EnrollmentError(`the pairing code is for a ${code.role}, not a ${role}`);
      }
      this.codes.delete(req.code.trim().toUpperCase());
    } else if (!req.trusted) {
      throw new EnrollmentError(
        role === 'manager' && !this.hasManager()
          ? 'the store has no manager yet: use the first-manager link the hub printed when it started'
          : 'a pairing code from the manager is needed',
      );
    }
    const paired = typeof req.code === 'string' && req.code !== '';
    const id = this.chooseId(role, req.hint, req.deviceId, paired);
    const password = newSecret();
    // a device paired again keeps the name a manager gave it
    const name = this.devices.get(id)?.name;
    this.put({
      id,
      role,
      ...(name !== undefined ? { name } : {}),
      label: typeof req.hint === 'string' ? req.hint.slice(0, 40) : role,
      hash: hashSecret(password),
      enrolledAt: new Date(this.now()).toISOString(),
      revoked: false,
    });
    return { deviceId: id, role, username: id, password };
  }

  /**
   * Enrolls as `enroll` does, and answers only once the device list is on disk: a device
   * told it is enrolled must still be known after a restart. When the list cannot be saved
   * the device is taken out again, its pairing code is good again, and this throws.
   */
  async enrollSaved(req: Parameters<DeviceRegistry['enroll']>[0]): Promise<Enrolled> {
    const key = typeof req.code === 'string' ? req.code.trim().toUpperCase() : '';
    const code = this.codes.get(key);
    const before = typeof req.deviceId === 'string' ? this.devices.get(req.deviceId) : undefined;
    const enrolled = this.enroll(req);
    const failure = await this.saving;
    if (failure === undefined) return enrolled;
    // a re-paired revoked device stays revoked; a new one is gone again
    if (before && before.id === enrolled.deviceId) this.devices.set(before.id, before);
    else this.devices.delete(enrolled.deviceId);
    if (code) this.codes.set(key, code);
    for (const l of this.listeners) l();
    throw new DeviceListNotSaved(
      `the hub cannot save its device list, so nothing was enrolled: ${failure.message}`,
    );
  }

  /**
   * Revokes as `revoke` does; throws when the list cannot be saved. The revocation holds in
   * memory anyway (the device stays shut out until the hub restarts).
   */
  async revokeSaved(id: string): Promise<boolean> {
    if (!this.revoke(id)) return false;
    const failure = await this.saving;
    if (failure === undefined) return true;
    throw new DeviceListNotSaved(
      `${id} is shut out until the hub restarts, but the hub cannot save its device list: ${failure.message}`,
    );
  }

  /**
   * Gives a listed device (not a tracker) a name, or clears it with ''; answers once the list
   * is on disk, so the name is still there after a restart. False for no such device.
   */
  async nameSaved(id: string, raw: unknown): Promise<boolean> {
    const d = this.devices.get(id);
    const name = cleanDeviceName(raw);
    if (!d || d.role === 'tracker' || name === undefined) return false;
    const named: { -readonly [K in keyof DeviceRecord]: DeviceRecord[K] } = { ...d, name };
    if (name === '') delete named.name;
    this.put(named);
    const failure = await this.saving;
    if (failure === undefined) return true;
    throw new DeviceListNotSaved(
      `the hub cannot save its device list, so the name holds only until it restarts: ${failure.message}`,
    );
  }

  /** Credentials for a customer's phone that may read only its own ticket's topic. */
  enrollTracker(ticket: string): Enrolled {
    const id = `tracker-${ticket.slice(0, 40)}`;
    const password = newSecret();
    this.put({
      id,
      role: 'tracker',
      label: 'tracking page',
      hash: hashSecret(password),
      enrolledAt: new Date(this.now()).toISOString(),
      revoked: false,
      ticket,
    });
    return { deviceId: id, role: 'tracker', username: id, password };
  }

  revoke(id: string): boolean {
    const d = this.devices.get(id);
    if (!d || d.role === 'agent') return false;
    this.put({ ...d, revoked: true });
    return true;
  }

  /** The identity behind a username and password, or undefined (unknown, wrong, revoked). */
  authenticate(username: string | undefined, password: string | undefined): Identity | undefined {
    if (username === undefined || password === undefined) return undefined;
    const d = this.devices.get(username);
    if (!d || d.revoked || !verifySecret(password, d.hash)) return undefined;
    return {
      role: d.role,
      store: this.opts.store,
      device: d.id,
      ...(d.ticket !== undefined ? { ticket: d.ticket } : {}),
    };
  }

  /**
   * What the hub makes of a device's own credentials: 'revoked' only for the right secret of
   * a revoked device (nobody learns which ids were revoked without holding one), so a device
   * the broker refuses can tell "a manager removed me" from "the hub lost its device list".
   */
  status(username: string | undefined, password: string | undefined): CredentialStatus {
    if (username === undefined || password === undefined) return 'unknown';
    const d = this.devices.get(username);
    if (!d || !verifySecret(password, d.hash)) return 'unknown';
    return d.revoked ? 'revoked' : 'active';
  }

  /** Called after every change (e.g. to rewrite Mosquitto's files or drop a revoked client). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once every change so far is on disk (or failed to be written). */
  async flushed(): Promise<void> {
    await this.saving;
  }

  /**
   * A revoked device paired again with a manager's code keeps its id (`paired`): its data,
   * its event numbering and the counters the hub closed for it stay its own.
   */
  private chooseId(role: DeviceRole, hint: unknown, proposed: unknown, paired: boolean): string {
    if (
      typeof proposed === 'string' &&
      DEVICE_ID.test(proposed) &&
      proposed.startsWith(`${role}-`)
    ) {
      const held = this.devices.get(proposed);
      if (!held || (paired && held.revoked && held.role === role)) return proposed;
    }
    const clean = typeof hint === 'string' ? hint.replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 40) : '';
    const base = clean.startsWith(`${role}-`) || clean === role ? clean : `${role}-${clean}`;
    const stem = base.replace(/-+$/, '') || role;
    for (;;) {
      const id = `${stem}-${randomBytes(4).toString('hex')}`;
      if (!this.devices.has(id)) return id;
    }
  }

  private put(d: DeviceRecord): void {
    this.devices.set(d.id, d);
    void this.save();
    for (const l of this.listeners) l();
  }

  private pruneCodes(): void {
    const now = this.now();
    for (const [code, c] of this.codes) if (c.expiresAt <= now) this.codes.delete(code);
  }

  /** Queues a write of the whole list; resolves to the error when it failed. */
  private save(): Promise<Error | undefined> {
    this.saving = this.saving.then(async () => {
      // the list as it is when written: a change taken back after a failure is left out
      const body = JSON.stringify(
        { agentSecret: this.agentSecret, devices: [...this.devices.values()] },
        null,
        2,
      );
      const tmp = `${this.path}.tmp`;
      try {
        await writeFile(tmp, body, { mode: 0o600 });
        await rename(tmp, this.path);
      } catch (err) {
        // the next change tries the file again
        this.opts.onSaveError?.(err as Error);
        return err as Error;
      }
      this.opts.onSaved?.();
      return undefined;
    });
    return this.saving;
  }
}
