import { readFileSync } from 'node:fs';
import type { VapidKeys } from './web-push-sender.ts';

/**
 * The hub's VAPID keys file (`--web-push <file>`): the JSON `npx web-push generate-vapid-keys
 * --json` prints, plus "subject", a mailto: or https: contact for the push services' operators.
 * Throws a sentence naming the file when it cannot be used.
 */
export function readVapidKeysFile(file: string): VapidKeys {
  let x: unknown;
  try {
    x = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot read the Web Push keys (${(error as Error).message})`, {
      cause: error,
    });
  }
  const { publicKey, privateKey, subject } = (x ?? {}) as Record<string, unknown>;
  const b64 = (v: unknown, bytes: number) =>
    typeof v === 'string' &&
    /^[A-Za-z0-9_-]+$/.test(v) &&
    Buffer.from(v, 'base64url').length === bytes;
  if (!b64(publicKey, 65) || !b64(privateKey, 32)) {
    throw new Error(`${file}: "publicKey" and "privateKey" must be VAPID keys (base64url)`);
  }
  if (typeof subject !== 'string' || !/^(mailto:|https:\/\/)\S+$/.test(subject)) {
    throw new Error(`${file}: "subject" must be a mailto: or https:// contact for the hub`);
  }
  return { publicKey: publicKey as string, privateKey: privateKey as string, subject };
}
