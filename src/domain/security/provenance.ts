import type { StoreEvent } from '../queue/events.ts';
import { mayEmit, roleOfDevice } from './roles.ts';

/**
 * Receiver-side checks that make a forged event fail even on a broker that cannot read
 * payloads (Mosquitto): the broker binds a client to its own `sync/events/<id>` topic, and
 * here an event counts only if it is the publisher's own, or relayed by the store agent,
 * and its author's role may emit that type.
 */
export interface Provenance<E> {
  readonly accepted: E[];
  readonly floors: Record<string, number>;
  readonly dropped: string[];
}

export function isAgentDevice(device: string): boolean {
  return roleOfDevice(device) === 'agent';
}

/** The device a `.../sync/events/<device>` or `.../sync/vector/<device>` topic names. */
export function syncTopicDevice(syncPrefix: string, topic: string): string | undefined {
  if (!topic.startsWith(syncPrefix)) return undefined;
  const rest = topic.slice(syncPrefix.length).split('/');
  if (rest.length !== 2 || (rest[0] !== 'events' && rest[0] !== 'vector')) return undefined;
  return rest[1] || undefined;
}

export function checkEventsProvenance<E extends Pick<StoreEvent, 'device' | 'type' | 'id'>>(
  from: string,
  events: readonly E[],
  floors: Readonly<Record<string, number>>,
): Provenance<E> {
  const relay = isAgentDevice(from);
  const accepted: E[] = [];
  const dropped: string[] = [];
  for (const e of events) {
    if (!relay && e.device !== from) {
      dropped.push(`event ${e.id} of ${e.device} relayed by ${from}, who may only send its own`);
    } else if (!mayEmit(e.device, e.type)) {
      dropped.push(`event ${e.id}: ${e.device} may not emit ${e.type}`);
    } else {
      accepted.push(e);
    }
  }
  const kept: Record<string, number> = {};
  for (const [device, seq] of Object.entries(floors)) {
    if (relay || device === from) kept[device] = seq;
    else dropped.push(`floor for ${device} from ${from} ignored`);
  }
  return { accepted, floors: kept, dropped };
}
