import type { IncomingMessage, ServerResponse } from 'node:http';
import { plainAddress } from '../domain/security/address.ts';
import { FailureLimiter } from '../domain/security/failure-limiter.ts';
import { isDeviceRole } from '../domain/security/roles.ts';
import { readBody } from './body.ts';
import { DeviceListNotSaved, EnrollmentError, type DeviceRegistry } from './device-registry.ts';
import { jsonObject, sendJson } from './json-response.ts';
import type { Logger } from './log.ts';
import type { ManagerGate } from './manager-auth.ts';
import { createLogThrottle } from './throttle.ts';

/**
 * Enrollment and device management over HTTP:
 *   POST /api/devices/enroll  {role, code?, hint?, deviceId?} -> {deviceId, role, username, password}
 *   GET  /api/devices          (manager)  -> {devices, dropped}, devices in the order they
 *                              first enrolled (the screen numbers them by it: "Kiosk 2")
 *   POST /api/devices/codes    (manager) {role} -> {code, expiresAt}
 *   POST /api/devices/revoke   (manager) {id}
 *   POST /api/devices/name     (manager) {id, name} -> {id, name}  ('' clears the name)
 *   POST /api/devices/status   (the device itself) -> {status: 'active' | 'revoked' | 'unknown'}
 * A refused manager enrollment says `firstManager: true` while the store has no manager: that
 * person needs the link the hub printed at start, since there is nobody to ask for a code.
 * Managers, and a device asking about itself, authenticate with their device credentials
 * (HTTP Basic).
 */
export interface DevicesApiOptions {
  readonly registry: DeviceRegistry;
  readonly log: Logger;
  /** The manager check shared with the reports API (src/hub/manager-auth.ts). */
  readonly manager: ManagerGate;
  /** True when code-less enrollment from this machine is allowed (hub on loopback only). */
  readonly trustLoopback: boolean;
  /** Invalid messages dropped by the store agent, by reason. */
  dropped(): Readonly<Record<string, number>>;
  /** A device was revoked (and the list saved): e.g. close the counters it holds open. */
  onRevoked?(id: string): void;
}

const PREFIX = '/api/devices';
const MAX_BODY = 4096;
/**
 * Wrong pairing codes before code entry pauses. A code is 8 of 31 characters (31^8, about
 * 8.5e11), lives 10 minutes and is used once. One address: 20 a minute, 10.5 million a year,
 * under 1 in 80,000 to hit a code even if one were always open; it pauses only that address,
 * so one attacker cannot lock the store out. All addresses together: 300 a minute (15
 * addresses' worth), 158 million a year, under 1 in 5,000 with a code always open (a store has
 * one open for minutes a week). Pausing everyone takes 15 addresses failing without pause, and
 * even then a loopback hub enrolls its own machine (no code). Bounded: 10,000 addresses.
 */
const ENROLL_FAILURES = { perAddress: 20, total: 300, windowMs: 60_000, maxAddresses: 10_000 };

export function isLoopbackAddress(addr: string | undefined): boolean {
  return addr === '127.0.0.1' || addr === '::1' || addr === '::ffff:127.0.0.1';
}

/** Whether a request comes from the hub's own machine on a hub that lets it enroll without a code. */
export function isTrustedMachine(trustLoopback: boolean, req: IncomingMessage): boolean {
  return trustLoopback && isLoopbackAddress(req.socket.remoteAddress);
}

export function createDevicesApi(opts: DevicesApiOptions) {
  const { registry, log } = opts;
  const failures = new FailureLimiter(ENROLL_FAILURES);
  const logged = createLogThrottle();

  /** The disk refused the device list: say so plainly (the disk's own log line counts it). */
  function refuseUnsaved(res: ServerResponse, err: DeviceListNotSaved): void {
    sendJson(res, 503, { error: err.message });
  }

  async function enroll(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const now = Date.now();
    const from = plainAddress(req.socket.remoteAddress);
    // this machine enrolls without a code on a loopback hub: nothing to guess, nothing to pause
    const trusted = isTrustedMachine(opts.trustLoopback, req);
    const paused = trusted ? undefined : failures.blocked(from, now);
    if (paused) {
      if (logged(`${from} paused`)) {
        log.warn(
          'devices',
          `enrollment from ${from} paused: too many wrong pairing codes (${paused === 'address' ? 'from this address' : 'from all addresses'})`,
        );
      }
      return sendJson(res, 429, { error: 'too many wrong pairing codes; wait a minute' });
    }
    const raw = await readBody(req, res, MAX_BODY);
    if (raw === undefined) return;
    const body = jsonObject(raw, {});
    if (body === undefined) return sendJson(res, 400, { error: 'the body must be a JSON object' });
    try {
      const enrolled = await registry.enrollSaved({
        role: body.role,
        code: body.code,
        hint: body.hint,
        deviceId: body.deviceId,
        trusted,
      });
      log.info('devices', `enrolled ${enrolled.deviceId} as ${enrolled.role}`);
      sendJson(res, 200, enrolled);
    } catch (err) {
      if (err instanceof DeviceListNotSaved) return refuseUnsaved(res, err);
      if (!(err instanceof EnrollmentError)) throw err;
      if (!trusted) failures.fail(from, now);
      if (logged(`${from} ${err.message}`)) {
        log.warn('devices', `enrollment refused from ${from}: ${err.message}`);
      }
      const first = body.role === 'manager' && !registry.hasManager();
      sendJson(res, 403, { error: err.message, ...(first ? { firstManager: true } : {}) });
    }
  }

  return async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    urlPath: string,
  ): Promise<boolean> {
    if (urlPath !== PREFIX && !urlPath.startsWith(`${PREFIX}/`)) return false;
    const action = urlPath.slice(PREFIX.length);
    const method = req.method ?? 'GET';
    if (action === '/enroll' && method === 'POST') {
      await enroll(req, res);
      return true;
    }
    if (action === '/status' && method === 'POST') {
      // no log line: a revoked tablet asks each time the broker refuses it (the broker's
      // line, once a minute per device, already says it)
      const [user, password] = basicCredentials(req.headers.authorization);
      sendJson(res, 200, { status: registry.status(user, password) });
      return true;
    }
    if (!['', '/codes', '/revoke', '/name'].includes(action)) {
      sendJson(res, 404, { error: `no API at ${urlPath}` });
      return true;
    }
    if (!opts.manager(req, res, 'devices')) return true;
    if (action === '' && method === 'GET') {
      sendJson(res, 200, {
        devices: registry.list().map(({ hash: _hash, ...d }) => d),
        dropped: opts.dropped(),
      });
    } else if (action === '/codes' && method === 'POST') {
      const raw = await readBody(req, res, MAX_BODY);
      if (raw === undefined) return true;
      const body = jsonObject(raw, {});
      if (!body || !isDeviceRole(body.role)) {
        sendJson(res, 400, { error: 'unknown role' });
        return true;
      }
      const code = registry.createPairingCode(body.role);
      log.info('devices', `pairing code made for a new ${body.role}`);
      sendJson(res, 200, { ...code, role: body.role });
    } else if (action === '/revoke' && method === 'POST') {
      const raw = await readBody(req, res, MAX_BODY);
      if (raw === undefined) return true;
      const body = jsonObject(raw, {});
      const id = typeof body?.id === 'string' ? body.id : '';
      // the manager's screen offers no such button; a script must not lock its manager out
      if (id !== '' && basicCredentials(req.headers.authorization)[0] === id) {
        sendJson(res, 409, { error: 'a manager device cannot revoke itself' });
        return true;
      }
      let revoked: boolean;
      try {
        revoked = await registry.revokeSaved(id);
      } catch (err) {
        if (!(err instanceof DeviceListNotSaved)) throw err;
        refuseUnsaved(res, err);
        return true;
      }
      if (!revoked) {
        sendJson(res, 404, { error: 'no such device' });
        return true;
      }
      log.info('devices', `revoked ${id}`);
      opts.onRevoked?.(id);
      sendJson(res, 200, { revoked: id });
    } else if (action === '/name' && method === 'POST') {
      await name(req, res);
    } else {
      sendJson(res, 405, { error: 'method not allowed' });
    }
    return true;
  };

  async function name(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req, res, MAX_BODY);
    if (raw === undefined) return;
    const body = jsonObject(raw, {});
    const id = typeof body?.id === 'string' ? body.id : '';
    if (typeof body?.name !== 'string')
      return sendJson(res, 400, { error: 'the name must be text' });
    try {
      if (!(await registry.nameSaved(id, body.name))) {
        return sendJson(res, 404, { error: 'no such device' });
      }
    } catch (err) {
      if (!(err instanceof DeviceListNotSaved)) throw err;
      return refuseUnsaved(res, err);
    }
    const named = registry.get(id)?.name ?? '';
    log.info(
      'devices',
      named ? `${id} is now called ${JSON.stringify(named)}` : `${id} has no name now`,
    );
    sendJson(res, 200, { id, name: named });
  }
}

/** User name and password of an HTTP Basic header, or undefineds. */
function basicCredentials(header: string | undefined): [string?, string?] {
  if (!header?.startsWith('Basic ')) return [];
  const decoded = Buffer.from(header.slice(6), 'base64').toString();
  const colon = decoded.indexOf(':');
  return colon < 0 ? [] : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}
