import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Mosquitto } from './mosquitto.ts';

/**
 * Reloads Mosquitto (SIGHUP) whenever the hub has rewritten its device list, as an operator's
 * `systemctl reload mosquitto` would after each enrollment. Returns a stop function.
 */
export function reloadOnNewDevices(
  mosquitto: () => Mosquitto | undefined,
  aclDir: string,
): () => void {
  let seen = '';
  const timer = setInterval(() => {
    let now: string;
    try {
      now = readFileSync(join(aclDir, 'password_file'), 'utf8');
    } catch {
      return;
    }
    if (now === seen) return;
    seen = now;
    mosquitto()?.reload();
  }, 100);
  return () => clearInterval(timer);
}
