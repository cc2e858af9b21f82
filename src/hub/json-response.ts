import type { IncomingMessage, ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from './security-headers.ts';

/** A JSON answer of the hub's APIs: never cached, with the hub's security headers. */
export function sendJson(res: ServerResponse, status: number, body: unknown, extra = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

/** A request body as a JSON object, or undefined when it is not one (`empty` for no body). */
export function jsonObject(
  raw: Buffer,
  empty?: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const text = raw.toString('utf8');
  if (text === '') return empty;
  try {
    const x: unknown = JSON.parse(text);
    return typeof x === 'object' && x !== null && !Array.isArray(x)
      ? (x as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a request says it sends JSON. The customer APIs take JSON only, so a browser
 * preflights it: a page elsewhere cannot post it unseen.
 */
export function isJsonRequest(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json');
}

export function refuseNotJson(res: ServerResponse): void {
  sendJson(res, 415, { error: 'send the request as application/json' });
}
