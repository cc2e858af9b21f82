/**
 * Topic names, the one place they are spelled (DESIGN.md section 4 is the public part; sync/*
 * is internal replication). Everything of a store lives under `{prefix}/{store}/`; below that
 * is a subtopic, which the roles table (security/roles.ts) also writes its filters from. Home
 * Assistant's discovery topics sit at the broker's root, where it reads them.
 */
export interface TopicRoot {
  readonly prefix: string;
  readonly store: string;
}

/** Topics below `{prefix}/{store}/`: a device, ticket or service name, or a filter's `+`. */
export const subtopics = {
  events: (device: string) => `sync/events/${device}`,
  vector: (device: string) => `sync/vector/${device}`,
  /** The agent's catch-up for one device: only that device may read it, only the agent write. */
  to: (device: string) => `sync/to/${device}`,
  calls: 'calls',
  /** Retained: the version of the store config the hub serves at /api/config. */
  config: 'config',
  alerts: 'alerts',
  presence: (device: string) => `presence/${device}`,
  wait: (service: string) => `wait/${service}`,
  waitMinutes: (service: string) => `wait/${service}/minutes`,
  waitAll: 'wait/#',
  track: (ticket: string) => `track/${ticket}`,
} as const;

/** A store's topic: the store's root, then `subtopic`. */
export function storeTopic(r: TopicRoot, subtopic: string): string {
  return `${r.prefix}/${r.store}/${subtopic}`;
}

/** What every replication topic of the store starts with. */
export function syncPrefix(r: TopicRoot): string {
  return storeTopic(r, 'sync/');
}

export const topics = {
  events: (r: TopicRoot, device: string) => storeTopic(r, subtopics.events(device)),
  vector: (r: TopicRoot, device: string) => storeTopic(r, subtopics.vector(device)),
  to: (r: TopicRoot, device: string) => storeTopic(r, subtopics.to(device)),
  /** What a replica subscribes to: everyone's events and vectors, and its own catch-up. */
  syncFor: (r: TopicRoot, device: string) => [
    topics.events(r, '+'),
    topics.vector(r, '+'),
    topics.to(r, device),
  ],
  calls: (r: TopicRoot) => storeTopic(r, subtopics.calls),
  config: (r: TopicRoot) => storeTopic(r, subtopics.config),
  alerts: (r: TopicRoot) => storeTopic(r, subtopics.alerts),
  presence: (r: TopicRoot, device: string) => storeTopic(r, subtopics.presence(device)),
  presenceAll: (r: TopicRoot) => topics.presence(r, '+'),
  wait: (r: TopicRoot, service: string) => storeTopic(r, subtopics.wait(service)),
  waitMinutes: (r: TopicRoot, service: string) => storeTopic(r, subtopics.waitMinutes(service)),
};

export function isSyncTopic(r: TopicRoot, topic: string): boolean {
  return topic.startsWith(syncPrefix(r));
}

/** Home Assistant's MQTT discovery prefix (its default; README, Home Assistant). */
export const HA_DISCOVERY_PREFIX = 'homeassistant';

export const haTopics = {
  /** Where Home Assistant reads one entity's discovery config (`+` levels for a filter). */
  discovery: (component: string, store: string, objectId: string) =>
    `${HA_DISCOVERY_PREFIX}/${component}/${store}/${objectId}/config`,
  /** Home Assistant says "online" here when it (re)starts. */
  status: `${HA_DISCOVERY_PREFIX}/status`,
  all: `${HA_DISCOVERY_PREFIX}/#`,
} as const;
