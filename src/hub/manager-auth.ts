import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Identity } from '../domain/security/roles.ts';
import { sendJson } from './json-response.ts';
import type { Logger } from './log.ts';
import { LOG_EVERY_MS, createLogThrottle } from './throttle.ts';

/**
 * The one check in front of the manager's HTTP APIs (/api/devices, /api/reports): the request
 * carries HTTP Basic credentials of an enrolled, unrevoked manager device (its id and secret,
 * the same it uses on the broker). Anything else is refused with a JSON error.
 */
export interface ManagerAuthOptions {
  /** The device registry's check: the device's role, or undefined (unknown, wrong, revoked). */
  authenticate(username: string, password: string): Identity | undefined;
  readonly log: Logger;
  readonly now?: () => number;
}

/** Says whether the request is a manager's; when not, has answered it (401/403) already. */
export type ManagerGate = (req: IncomingMessage, res: ServerResponse, component: string) => boolean;

export function createManagerAuth(opts: ManagerAuthOptions): ManagerGate {
  // one refusal line per address and reason a minute
  const shouldLog = createLogThrottle(LOG_EVERY_MS, opts.now ?? Date.now);

  function refuse(
    req: IncomingMessage,
    res: ServerResponse,
    component: string,
    status: 401 | 403,
    error: string,
    why: string,
  ): false {
    const from = req.socket.remoteAddress ?? 'unknown address';
    if (shouldLog(`${component} ${from} ${why}`)) {
      const path = (req.url ?? '').split('?')[0];
      opts.log.warn(component, `${req.method ?? 'GET'} ${path} refused from ${from}: ${why}`);
    }
    // no WWW-Authenticate: a browser would pop up a login box the manager cannot use
    sendJson(res, status, { error });
    return false;
  }

  return (req, res, component) => {
    const header = req.headers.authorization ?? '';
    if (!header.startsWith('Basic ')) {
      return refuse(
        req,
        res,
        component,
        401,
        'manager credentials needed (HTTP Basic with a manager device id and secret)',
        'no credentials',
      );
    }
    const decoded = Buffer.from(header.slice(6), 'base64').toString();
    const colon = decoded.indexOf(':');
    const who =
      colon < 0 ? undefined : opts.authenticate(decoded.slice(0, colon), decoded.slice(colon + 1));
    if (!who) {
      return refuse(
        req,
        res,
        component,
        401,
        'unknown, wrong or revoked device credentials',
        'unknown, wrong or revoked credentials',
      );
    }
    if (who.role !== 'manager') {
      return refuse(
        req,
        res,
        component,
        403,
        `only a manager device may do this; this device is a ${who.role}`,
        `${who.device} is a ${who.role}, not a manager`,
      );
    }
    return true;
  };
}
