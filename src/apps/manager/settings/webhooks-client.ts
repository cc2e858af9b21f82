import type { EndpointView } from '../../../domain/webhooks/view.ts';
import type { WebhookKind } from '../../../domain/webhooks/kinds.ts';
import { callHub } from '../hub-api.ts';

/** The hub's webhooks API as the Settings view uses it (src/hub/webhooks/webhooks-api.ts). */
export type WebhookEndpoint = EndpointView;

const call = <T>(
  auth: string,
  method: 'GET' | 'POST' | 'DELETE',
  path = '',
  body?: unknown,
): Promise<T> => callHub<T>(auth, method, `/api/webhooks${path}`, body);

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
