/**
 * At most one log line per key (address and reason) a minute: a script retrying, or a
 * flood, must not flood the hub's log.
 */
export const LOG_EVERY_MS = 60_000;

export function createLogThrottle(
  everyMs = LOG_EVERY_MS,
  now: () => number = Date.now,
): (key: string) => boolean {
  const loggedAt = new Map<string, number>();
  return (key) => {
    const t = now();
    if (t - (loggedAt.get(key) ?? -Infinity) < everyMs) return false;
    if (loggedAt.size > 10_000) loggedAt.clear();
    loggedAt.set(key, t);
    return true;
  };
}
