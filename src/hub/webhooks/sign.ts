import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  SIGNATURE_TOLERANCE_SEC,
  parseSignatureHeader,
  signatureHeader,
  signedString,
} from '../../domain/webhooks/signature.ts';

/**
 * The HMAC-SHA256 of a webhook (node:crypto): signing for the hub, checking for receivers
 * (tests, the bench, and the README's example do it this way).
 */
export function signWebhook(secret: string, timestampSec: number, body: string): string {
  const mac = createHmac('sha256', secret).update(signedString(timestampSec, body)).digest('hex');
  return signatureHeader(timestampSec, mac);
}

/** Whether `header` signs `body` with `secret`, no older than the tolerance. */
export function verifyWebhook(
  secret: string,
  header: string,
  body: string,
  nowSec: number,
  toleranceSec = SIGNATURE_TOLERANCE_SEC,
): boolean {
  const parsed = parseSignatureHeader(header);
  if (!parsed || Math.abs(nowSec - parsed.t) > toleranceSec) return false;
  const expected = createHmac('sha256', secret).update(signedString(parsed.t, body)).digest();
  return parsed.v1.some((hex) => timingSafeEqual(Buffer.from(hex, 'hex'), expected));
}
