/**
 * Host and Origin allow-list in front of every state-changing request and the MQTT WebSocket:
 * a page on another site (DNS rebinding: attacker.example resolving to the hub) must not
 * enroll devices, import history or talk MQTT through a browser on the store network.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from './log.ts';
import { createLogThrottle } from './throttle.ts';
import type { HubNames } from './tls/hub-names.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function hostnameOf(hostHeader: string): string | undefined {
  try {
    return new URL(`http://${hostHeader}`).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return undefined;
  }
}

export function isAllowedHost(names: HubNames, hostname: string): boolean {
  return names.dns.includes(hostname) || names.ips.includes(hostname);
}

/**
 * Why this request comes from a foreign site, or undefined. Host must name the hub; an Origin,
 * when the browser sends one, too. `checkAll` also checks reads (the WebSocket upgrade).
 */
export function foreignRefusal(
  req: { method?: string | undefined; headers: IncomingMessage['headers'] },
  names: HubNames,
  checkAll = false,
): string | undefined {
  if (!checkAll && SAFE_METHODS.has(req.method ?? 'GET')) return undefined;
  const host = hostnameOf(req.headers.host ?? '');
  if (host === undefined || !isAllowedHost(names, host)) {
    return `Host "${req.headers.host ?? ''}" is not one of this hub's names`;
  }
  const origin = req.headers.origin;
  if (origin === undefined) return undefined;
  let originHost: string | undefined;
  try {
    originHost = new URL(origin).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    originHost = undefined;
  }
  if (originHost === undefined || !isAllowedHost(names, originHost)) {
    return `Origin "${origin}" is not one of this hub's names`;
  }
  return undefined;
}

/**
 * The guard the hub puts before its routes: answers a foreign state-changing request with 403
 * (true: answered), with one log line per address and reason a minute.
 */
export function createForeignGuard(
  names: () => HubNames,
  log: Logger,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const shouldLog = createLogThrottle();
  return (req, res) => {
    const why = foreignRefusal(req, names());
    if (why === undefined) return false;
    const from = req.socket.remoteAddress ?? 'unknown address';
    if (shouldLog(`${from} ${why}`)) {
      const path = (req.url ?? '').split('?')[0] ?? '';
      log.warn('http', `${req.method ?? '?'} ${path} refused from ${from}: ${why}`);
    }
    answerForeign(res, why);
    return true;
  };
}

function answerForeign(res: ServerResponse, why: string): void {
  const body = JSON.stringify({ error: `refused: ${why}` });
  res.writeHead(403, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}
