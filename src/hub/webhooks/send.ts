import { DELIVERY_HEADER, SIGNATURE_HEADER } from '../../domain/webhooks/signature.ts';
import type { QueuedDelivery } from './queue-file.ts';
import { signWebhook } from './sign.ts';

/** One POST of a delivery: signed now, bounded by `timeoutMs`; any non-2xx is a failure. */
export async function sendWebhook(
  url: string,
  secret: string,
  delivery: QueuedDelivery,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<{ readonly ok: true } | { readonly ok: false; readonly error: string }> {
  const t = Math.floor(Date.now() / 1000);
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Nextup-Webhooks/1',
        [SIGNATURE_HEADER]: signWebhook(secret, t, delivery.body),
        [DELIVERY_HEADER]: delivery.id,
      },
      body: delivery.body,
      // a redirect is not followed: the signed body would go where the manager never said
      redirect: 'manual',
      signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
    });
    await res.body?.cancel().catch(() => undefined);
    return res.status >= 200 && res.status < 300
      ? { ok: true }
      : { ok: false, error: `HTTP ${res.status}` };
  } catch (err) {
    const e = err as Error;
    if (e.name === 'TimeoutError') return { ok: false, error: `no answer in ${timeoutMs} ms` };
    const cause = (e.cause as Error | undefined)?.message;
    return { ok: false, error: cause ?? e.message };
  }
}
