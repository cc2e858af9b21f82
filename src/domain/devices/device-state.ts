/** What the manager's Devices view says about a device's connection. */
export type DeviceState = 'online' | 'offline' | 'neverSeen' | 'removed';

export interface SeenPresence {
  readonly online: boolean;
  /** When the device (or the broker, for its last will) said so, ms; 0 when unknown. */
  readonly at: number;
}

/**
 * A removed device is removed whatever its last presence said; a device the broker has no
 * presence for has not connected since it was paired (or since the broker lost its state).
 */
export function deviceState(revoked: boolean, presence: SeenPresence | undefined): DeviceState {
  if (revoked) return 'removed';
  if (!presence) return 'neverSeen';
  return presence.online ? 'online' : 'offline';
}
