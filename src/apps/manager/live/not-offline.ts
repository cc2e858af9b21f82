import type { PresenceEntry } from '../../runtime/presence.ts';

/**
 * Tablets online now that said they would not start if the network went away: they need
 * setting up. Its own module: a value imported from presence.ts would tie the device
 * runtime's chunk to the manager's.
 */
export function notOfflineCapable(entries: readonly PresenceEntry[]): PresenceEntry[] {
  return entries.filter((e) => e.online && e.offlineCapable === false);
}
