import type { WebhookKind } from './kinds.ts';

/**
 * An endpoint as the manager sees it: the hub's answer (src/hub/webhooks/webhooks.ts) and the
 * Settings view's reading of it share this one shape. Never its secret, after creation.
 */
export interface EndpointView {
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
