import type { Agent } from 'node:https';
import webpush from 'web-push';
import type { PushResult, PushSender, PushSubscriptionJson } from './push-port.ts';

/**
 * The hub's Web Push sender: the `web-push` library encrypts the message for the subscription
 * (aes128gcm, RFC 8291) and signs the request with the hub's VAPID keys (RFC 8292).
 */
export interface VapidKeys {
  readonly publicKey: string;
  readonly privateKey: string;
  /** Who runs this hub, for the push service's operators: a mailto: or https: URL. */
  readonly subject: string;
}

/** Pushes wait at the push service this long for a phone that is off (seconds). */
const TTL_SEC = 15 * 60;
const TIMEOUT_MS = 10_000;

/** `agent`: how to reach the push services (tests: one that trusts a loopback service). */
export function createWebPushSender(keys: VapidKeys, agent?: Agent): PushSender {
  return {
    async send(subscription: PushSubscriptionJson, payload: string): Promise<PushResult> {
      try {
        await webpush.sendNotification(subscription, payload, {
          vapidDetails: keys,
          TTL: TTL_SEC,
          urgency: 'high',
          contentEncoding: 'aes128gcm',
          timeout: TIMEOUT_MS,
          ...(agent ? { agent } : {}),
        });
        return { ok: true };
      } catch (error) {
        if (error instanceof webpush.WebPushError) {
          const gone = error.statusCode === 404 || error.statusCode === 410;
          return { ok: false, gone, reason: `push service answered ${error.statusCode}` };
        }
        return {
          ok: false,
          gone: false,
          reason: error instanceof Error ? error.message : String(error),
        };
      }
    },
  };
}

/** New keys for a hub (`nextup web-push-keys`). */
export function generateVapidKeys(subject: string): VapidKeys {
  return { ...webpush.generateVAPIDKeys(), subject };
}
