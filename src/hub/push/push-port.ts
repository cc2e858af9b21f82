/**
 * The port through which the hub sends Web Push messages, and the subscription a browser hands
 * over (PushSubscription.toJSON()). What to send is decided elsewhere (domain/kiosk/
 * ticket-alerts.ts through ticket-push.ts); the port only delivers one message to one endpoint.
 */
export interface PushSubscriptionJson {
  readonly endpoint: string;
  readonly keys: { readonly p256dh: string; readonly auth: string };
}

export type PushResult =
  | { readonly ok: true }
  /** `gone`: the push service says this subscription no longer exists (404/410): drop it. */
  | { readonly ok: false; readonly gone: boolean; readonly reason: string };

export interface PushSender {
  send(subscription: PushSubscriptionJson, payload: string): Promise<PushResult>;
}

const B64URL = /^[A-Za-z0-9_-]+={0,2}$/;

function bytesOf(b64url: unknown): number {
  if (typeof b64url !== 'string' || !B64URL.test(b64url)) return -1;
  return Buffer.from(b64url, 'base64url').length;
}

/**
 * A subscription as the browser sends it, or undefined: an endpoint URL the hub may post to
 * (`allowEndpoint`; push services use https) and the P-256 key and 16-byte secret RFC 8291
 * encrypts with.
 */
export function parseSubscription(
  x: unknown,
  allowEndpoint: (url: URL) => boolean,
): PushSubscriptionJson | undefined {
  if (typeof x !== 'object' || x === null) return undefined;
  const { endpoint, keys } = x as { endpoint?: unknown; keys?: unknown };
  if (typeof endpoint !== 'string' || endpoint.length > 2048) return undefined;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return undefined;
  }
  if (!allowEndpoint(url) || typeof keys !== 'object' || keys === null) return undefined;
  const { p256dh, auth } = keys as { p256dh?: unknown; auth?: unknown };
  if (bytesOf(p256dh) !== 65 || bytesOf(auth) !== 16) return undefined;
  return { endpoint, keys: { p256dh: p256dh as string, auth: auth as string } };
}

/** Real push services are reached over https only. */
export function httpsOnly(url: URL): boolean {
  return url.protocol === 'https:';
}

/**
 * The browsers' push services (Chrome and Android, Firefox, Safari, Edge's Windows service):
 * a subscription pointing anywhere else is refused, so a phone cannot make the hub post to a
 * host of the store's own network.
 */
export const PUSH_SERVICE_HOSTS: readonly string[] = [
  'fcm.googleapis.com',
  'android.googleapis.com',
  '.push.services.mozilla.com',
  '.push.apple.com',
  '.notify.windows.com',
];

export function knownPushService(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return (
    httpsOnly(url) &&
    url.port === '' &&
    PUSH_SERVICE_HOSTS.some((h) => (h.startsWith('.') ? host.endsWith(h) : host === h))
  );
}
