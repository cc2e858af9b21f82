import type { WebhookKind } from '../../../domain/webhooks/kinds.ts';

/** The hub's webhooks API as the Settings view uses it (src/hub/webhooks/webhooks-api.ts). */
export interface WebhookEndpoint {
  readonly id: string;
  readonly url: string;
  readonly kinds: readonly WebhookKind[];
  readonly createdAt: number;
  readonly pending: number;
  readonly failures: number;
  readonly lastSuccess?: number;
  readonly lastError?: string;
  readonly failingSince?: number;
  readonly nextAttemptAt?: number;
  readonly disabledAt?: number;
}

async function call<T>(auth: string, method: string, path = '', body?: unknown): Promise<T> {
  const res = await fetch(`/api/webhooks${path}`, {
    method,
    headers: {
      Authorization: auth,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    cache: 'no-store',
  });
  const json = (await res.json().catch(() => ({}))) as { error?: unknown };
  if (!res.ok) throw new Error(typeof json.error === 'string' ? json.error : `HTTP ${res.status}`);
  return json as T;
}

export const webhooksClient = {
  list: (auth: string) =>
    call<{ endpoints: WebhookEndpoint[] }>(auth, 'GET').then((x) => x.endpoints),
  add: (auth: string, url: string, kinds: readonly WebhookKind[]) =>
    call<WebhookEndpoint & { secret: string }>(auth, 'POST', '', { url, kinds }),
  enable: (auth: string, id: string) =>
    call<WebhookEndpoint>(auth, 'POST', `/${encodeURIComponent(id)}/enable`),
  remove: (auth: string, id: string) => call<unknown>(auth, 'DELETE', `/${encodeURIComponent(id)}`),
};

/** What the panel says about an endpoint, most important first. */
export function endpointState(e: WebhookEndpoint): 'disabled' | 'failing' | 'ok' | 'new' {
  if (e.disabledAt !== undefined) return 'disabled';
  if (e.failures > 0) return 'failing';
  return e.lastSuccess !== undefined ? 'ok' : 'new';
}
