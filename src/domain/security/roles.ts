/**
 * Who may do what on the store's MQTT topics: one table of data that the embedded broker's
 * hooks, the Mosquitto ACL generator and the replica's receive checks all read.
 */
import { EVENT_TYPES, type EventType } from '../queue/events.ts';
import { haTopics, storeTopic, subtopics } from '../topics/names.ts';

export const ROLES = ['agent', 'kiosk', 'clerk', 'floor', 'board', 'manager', 'tracker'] as const;
export type Role = (typeof ROLES)[number];

/** Roles a person enrolls from a surface (the agent and trackers are made by the hub). */
export const DEVICE_ROLES = ['kiosk', 'clerk', 'floor', 'board', 'manager'] as const;
export type DeviceRole = (typeof DEVICE_ROLES)[number];

export function isRole(x: unknown): x is Role {
  return typeof x === 'string' && (ROLES as readonly string[]).includes(x);
}

export function isDeviceRole(x: unknown): x is DeviceRole {
  return typeof x === 'string' && (DEVICE_ROLES as readonly string[]).includes(x);
}

/** Topic filters below `{prefix}/{store}/`, with `{device}` and `{ticket}` placeholders. */
export interface RoleRules {
  readonly publish: readonly string[];
  readonly subscribe: readonly string[];
  /**
   * Filters from the broker's root, outside the store's topics, with a `{store}` placeholder:
   * Home Assistant's discovery topics, which it reads at a fixed place.
   */
  readonly outside?: { readonly publish: readonly string[]; readonly subscribe: readonly string[] };
  /** Event types this role may put on its own events topic ('*': any). */
  readonly events: readonly EventType[] | '*';
}

/**
 * What every staff device reads: the shared log, its own catch-up (another device's catch-up
 * is not for it), public topics, presence and the config's version (settings changed).
 */
const READS = [
  subtopics.events('+'),
  subtopics.vector('+'),
  subtopics.to('{device}'),
  subtopics.calls,
  subtopics.alerts,
  subtopics.presence('+'),
  subtopics.waitAll,
  subtopics.config,
];
/** What every replica sends about itself: its events, its vector (acks) and its presence. */
const OWN = [
  subtopics.events('{device}'),
  subtopics.vector('{device}'),
  subtopics.presence('{device}'),
];

/**
 * Who writes each event type: staff devices, or the agent alone. A `Record` over every type,
 * so a new event type does not compile until someone decides which roles may write it.
 */
const WRITTEN_BY: Readonly<Record<EventType, 'staff' | 'agent'>> = {
  'ticket.issued': 'staff',
  'ticket.called': 'staff',
  'ticket.recalled': 'staff',
  'ticket.started': 'staff',
  'ticket.completed': 'staff',
  'ticket.noShow': 'staff',
  'ticket.cancelled': 'staff',
  'ticket.transferred': 'staff',
  'ticket.checkedIn': 'staff',
  // bookings come through the hub (/book): no tablet makes or ends one
  'appointment.booked': 'agent',
  'appointment.cancelled': 'agent',
  'counter.opened': 'staff',
  'counter.closed': 'staff',
  'visit.step': 'staff',
  'visit.feedback': 'staff',
  'visit.note': 'staff',
  'alert.raised': 'staff',
  'alert.acknowledged': 'staff',
  'staff.signedIn': 'staff',
  'staff.signedOut': 'staff',
  'event.refused': 'agent',
};
const STAFF_EVENTS: readonly EventType[] = EVENT_TYPES.filter((t) => WRITTEN_BY[t] === 'staff');

export const RULES: Readonly<Record<Role, RoleRules>> = {
  // The hub's store agent: keeps the history, answers catch-up, publishes the public API and
  // its own store's discovery configs (and hears Home Assistant come back, to send them again).
  agent: {
    publish: ['#'],
    subscribe: ['#'],
    events: '*',
    outside: {
      publish: [haTopics.discovery('+', '{store}', '+')],
      subscribe: [haTopics.status],
    },
  },
  // A lobby kiosk issues tickets and checks in customers who took one on their phone; it
  // cannot call, serve or cancel.
  kiosk: { publish: OWN, subscribe: READS, events: ['ticket.issued', 'ticket.checkedIn'] },
  clerk: { publish: OWN, subscribe: READS, events: STAFF_EVENTS },
  floor: { publish: OWN, subscribe: READS, events: STAFF_EVENTS },
  manager: { publish: OWN, subscribe: READS, events: STAFF_EVENTS },
  // A board only shows: it acknowledges what it holds (vector) and says it is there. Home
  // Assistant and Node-RED enroll as boards: they read discovery (Home Assistant subscribes
  // to its whole prefix) and Home Assistant announces itself on its status topic.
  board: {
    publish: [subtopics.vector('{device}'), subtopics.presence('{device}')],
    subscribe: READS,
    events: [],
    outside: {
      publish: [haTopics.status],
      subscribe: [haTopics.all],
    },
  },
  // A customer's phone, for its own ticket only.
  tracker: { publish: [], subscribe: [subtopics.track('{ticket}')], events: [] },
};

/**
 * Surfaces a device of another role shows under its own enrollment: the floor view opened
 * from a clerk tablet's header is that tablet (same id, same credentials), not a second
 * device needing its own pairing. The least-privilege choice: the broker grants nothing new
 * (no clerk credential gains a floor right; the floor surface only uses rights the clerk
 * role already holds, which roles.test.ts checks against RULES), and a floor phone's own
 * enrollment still cannot open the clerk surface.
 */
export const SURFACE_HOSTS: Readonly<Partial<Record<DeviceRole, readonly DeviceRole[]>>> = {
  floor: ['clerk'],
};

/** Whether the `surface` may run under credentials enrolled as `deviceRole`. */
export function surfaceMayRunAs(surface: string, deviceRole: string): boolean {
  if (surface === deviceRole) return true;
  return isDeviceRole(surface) && (SURFACE_HOSTS[surface] ?? []).some((r) => r === deviceRole);
}

export interface Identity {
  readonly role: Role;
  readonly store: string;
  /** MQTT username and client id; for trackers, the tracker's own id. */
  readonly device: string;
  /** Trackers only: the ticket they may read. */
  readonly ticket?: string;
}

function expand(rule: string, id: Identity, prefix: string): string {
  const subtopic = rule.replaceAll('{device}', id.device).replaceAll('{ticket}', id.ticket ?? '');
  return storeTopic({ prefix, store: id.store }, subtopic);
}

/** Every filter `id` may publish or subscribe to, as full topics (the store's and outside). */
export function allowedFilters(
  id: Identity,
  action: 'publish' | 'subscribe',
  prefix: string,
): string[] {
  const rules = RULES[id.role];
  const outside = (rules.outside?.[action] ?? []).map((r) => r.replaceAll('{store}', id.store));
  return [...rules[action].map((r) => expand(r, id, prefix)), ...outside];
}

/** True when every topic that `requested` matches is also matched by `allowed` (MQTT filters). */
export function filterCovers(allowed: string, requested: string): boolean {
  const a = allowed.split('/');
  const r = requested.split('/');
  for (let i = 0; i < a.length; i++) {
    const al = a[i]!;
    if (al === '#') return true;
    const rl = r[i];
    if (rl === undefined) return false;
    if (rl === '#') return false;
    if (al === '+') continue;
    if (rl === '+' || rl !== al) return false;
  }
  return a.length === r.length;
}

function hasBadLevel(topic: string): boolean {
  return topic === '' || topic.includes('\u0000');
}

export function mayPublish(id: Identity, topic: string, prefix: string): boolean {
  if (hasBadLevel(topic) || topic.includes('+') || topic.includes('#')) return false;
  return allowedFilters(id, 'publish', prefix).some((f) => filterCovers(f, topic));
}

export function maySubscribe(id: Identity, filter: string, prefix: string): boolean {
  if (hasBadLevel(filter)) return false;
  return allowedFilters(id, 'subscribe', prefix).some((f) => filterCovers(f, filter));
}

/** The role an enrolled device id names: ids are `<role>-...` (the hub enforces it). */
export function roleOfDevice(device: string): Role | undefined {
  const head = device.split('-')[0];
  return isRole(head) ? head : undefined;
}

/** Whether an event of `type` may come from `device` (by the role its id names). */
export function mayEmit(device: string, type: string): boolean {
  const role = roleOfDevice(device);
  if (!role) return false;
  const allowed = RULES[role].events;
  return allowed === '*' || (allowed as readonly string[]).includes(type);
}
