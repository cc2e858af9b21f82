import type { AlertTexts } from '../../domain/kiosk/alert-texts.ts';

/**
 * Web Push from the tracking page: asks the hub whether it sends pushes (it does only with
 * VAPID keys configured), and hands it this phone's push subscription for one ticket, so the
 * same alerts arrive with the page closed. The service worker shows them (public/push-sw.js).
 */

/** The hub's public VAPID key, or undefined: no Web Push here (the page must stay open). */
export async function hubPushKey(ticket: string): Promise<string | undefined> {
  if (!('serviceWorker' in navigator) || typeof PushManager === 'undefined') return undefined;
  try {
    const res = await fetch(`/api/track/${ticket}/push`, { cache: 'no-store' });
    if (!res.ok) return undefined;
    const body = (await res.json()) as { publicKey?: unknown };
    return typeof body.publicKey === 'string' ? body.publicKey : undefined;
  } catch {
    return undefined;
  }
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/**
 * Subscribes (or reuses this phone's subscription) and registers it for the ticket, with the
 * alerts' words as this page says them. Resolves true when the hub took it.
 */
export async function subscribePush(
  ticket: string,
  publicKey: string,
  texts: AlertTexts,
): Promise<boolean> {
  try {
    const registration = await navigator.serviceWorker.ready;
    const subscription =
      (await registration.pushManager.getSubscription()) ??
      (await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: keyBytes(publicKey),
      }));
    const res = await fetch(`/api/track/${ticket}/push`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ subscription: subscription.toJSON(), texts }),
    });
    return res.ok;
  } catch (error) {
    console.warn('Web Push not set up; the page alerts while it is open.', error);
    return false;
  }
}
