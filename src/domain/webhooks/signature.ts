/**
 * What a webhook signs and how the signature travels (Stripe's scheme, which receivers know):
 *   Nextup-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of `${t}.${body}`>
 *   Nextup-Delivery:  <event id>, the same on every retry, for receivers to drop repeats
 * The time is the attempt's, inside the signed string: a receiver refuses old ones (replays).
 * The HMAC itself is computed at the edge (src/hub/webhooks/sign.ts, node:crypto).
 */
export const SIGNATURE_HEADER = 'Nextup-Signature';
export const DELIVERY_HEADER = 'Nextup-Delivery';
/** How old a signature a receiver should still accept (the advice in the README). */
export const SIGNATURE_TOLERANCE_SEC = 300;

export function signedString(timestampSec: number, body: string): string {
  return `${timestampSec}.${body}`;
}

export function signatureHeader(timestampSec: number, hexMac: string): string {
  return `t=${timestampSec},v1=${hexMac}`;
}

/** The header's parts, or undefined when it is not one of ours. */
export function parseSignatureHeader(
  header: string,
): { readonly t: number; readonly v1: readonly string[] } | undefined {
  let t: number | undefined;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d+$/.test(value)) t = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) v1.push(value);
  }
  return t === undefined || v1.length === 0 ? undefined : { t, v1 };
}
