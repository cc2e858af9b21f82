import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WEBHOOK_KINDS, isWebhookKind, type WebhookKind } from '../../domain/webhooks/kinds.ts';
import { writeDurably } from './queue-file.ts';

/**
 * The registered webhook endpoints, in `webhooks/endpoints.json` under the store's data
 * folder: URL, kinds, and the secret the hub generated (shown to the manager once).
 */
export interface Endpoint {
  readonly id: string;
  readonly url: string;
  readonly kinds: readonly WebhookKind[];
  readonly secret: string;
  readonly createdAt: number;
}

export type EndpointRequest =
  | { readonly ok: true; readonly url: string; readonly kinds: readonly WebhookKind[] }
  | { readonly ok: false; readonly error: string };

const MAX_URL = 2000;

/** Checks a manager's request: an http(s) URL, and known kinds (at least one). */
export function readEndpointRequest(body: Record<string, unknown>): EndpointRequest {
  const { url, kinds } = body;
  if (typeof url !== 'string' || url.length > MAX_URL) {
    return {
      ok: false,
      error: 'url: expected the address to send to, e.g. https://example.com/hook',
    };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, error: `url: "${url}" is not an address` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return {
      ok: false,
      error: `url: only http and https addresses can receive webhooks, not ${parsed.protocol}`,
    };
  }
  if (parsed.username || parsed.password) {
    return {
      ok: false,
      error: 'url: no user name or password in the address (the signature authenticates)',
    };
  }
  if (!Array.isArray(kinds) || kinds.length === 0 || !kinds.every(isWebhookKind)) {
    return { ok: false, error: `kinds: expected one or more of ${WEBHOOK_KINDS.join(', ')}` };
  }
  return { ok: true, url: parsed.href, kinds: WEBHOOK_KINDS.filter((k) => kinds.includes(k)) };
}

export function newEndpoint(url: string, kinds: readonly WebhookKind[], now: number): Endpoint {
  return {
    id: `wh_${randomBytes(6).toString('hex')}`,
    url,
    kinds,
    secret: `whsec_${randomBytes(24).toString('base64url')}`,
    createdAt: now,
  };
}

export const endpointsFile = (dir: string): string => join(dir, 'endpoints.json');

/**
 * The saved endpoints; none before the first. A file that cannot be read or trusted stops the
 * hub with its name and what is wrong: starting without it would save an empty list over it.
 */
export async function loadEndpoints(dir: string): Promise<Endpoint[]> {
  const file = endpointsFile(dir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new Error(`${file}: cannot read the webhook endpoints: ${(err as Error).message}`, {
      cause: err,
    });
  }
  let x: unknown;
  try {
    x = JSON.parse(text);
  } catch (err) {
    throw new Error(
      `${file}: not valid JSON (${(err as Error).message}); fix it, or remove it to start without webhooks`,
      { cause: err },
    );
  }
  const list = (x as { endpoints?: unknown } | null)?.endpoints;
  if (!Array.isArray(list)) throw new Error(`${file}: expected {"endpoints": [...]}`);
  return list.map((e: unknown, i) => {
    const problem = endpointProblem(e);
    if (problem) throw new Error(`${file}: endpoints[${i}]: ${problem}`);
    return e as Endpoint;
  });
}

function endpointProblem(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return 'expected an object';
  const { id, url, kinds, secret, createdAt } = e as Record<string, unknown>;
  if (typeof id !== 'string' || id === '') return 'id: expected a string';
  if (typeof secret !== 'string' || secret === '') return 'secret: expected a string';
  if (typeof createdAt !== 'number') return 'createdAt: expected a time (ms)';
  const request = readEndpointRequest({ url, kinds });
  return request.ok ? undefined : request.error;
}

export function saveEndpoints(dir: string, endpoints: readonly Endpoint[]): Promise<void> {
  return writeDurably(endpointsFile(dir), `${JSON.stringify({ endpoints }, null, 2)}\n`);
}
