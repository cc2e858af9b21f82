/** Topic names (DESIGN.md section 4 is the public part; sync/* is internal replication). */
export interface TopicRoot {
  readonly prefix: string;
  readonly store: string;
}

const root = (r: TopicRoot): string => `${r.prefix}/${r.store}`;

export const topics = {
  events: (r: TopicRoot, device: string) => `${root(r)}/sync/events/${device}`,
  vector: (r: TopicRoot, device: string) => `${root(r)}/sync/vector/${device}`,
  /** The agent's catch-up for one device: only that device may read it, only the agent write. */
  to: (r: TopicRoot, device: string) => `${root(r)}/sync/to/${device}`,
  /** What a replica subscribes to: everyone's events and vectors, and its own catch-up. */
  syncFor: (r: TopicRoot, device: string) => [
    `${root(r)}/sync/events/+`,
    `${root(r)}/sync/vector/+`,
    `${root(r)}/sync/to/${device}`,
  ],
  calls: (r: TopicRoot) => `${root(r)}/calls`,
  /** Retained: the version of the store config the hub serves at /api/config. */
  config: (r: TopicRoot) => `${root(r)}/config`,
  alerts: (r: TopicRoot) => `${root(r)}/alerts`,
  presence: (r: TopicRoot, device: string) => `${root(r)}/presence/${device}`,
  presenceAll: (r: TopicRoot) => `${root(r)}/presence/+`,
  wait: (r: TopicRoot, service: string) => `${root(r)}/wait/${service}`,
  waitMinutes: (r: TopicRoot, service: string) => `${root(r)}/wait/${service}/minutes`,
};

export function isSyncTopic(r: TopicRoot, topic: string): boolean {
  return topic.startsWith(`${root(r)}/sync/`);
}

/**
 * DESIGN.md's `{"device","role","online","at"}`, plus `offlineCapable` (an extension readers
 * may ignore) once the device knows whether it can start without the network.
 */
export function presencePayload(
  device: string,
  role: string,
  online: boolean,
  at: number,
  offlineCapable?: boolean,
): string {
  // JSON leaves out an undefined offlineCapable
  return JSON.stringify({ device, role, online, at: new Date(at).toISOString(), offlineCapable });
}
