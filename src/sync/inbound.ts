import type { StoreEvent } from '../domain/queue/events.ts';
import { parseSyncMessage } from '../domain/sync/messages.ts';
import {
  checkEventsProvenance,
  isAgentDevice,
  syncTopicDevice,
} from '../domain/security/provenance.ts';
import { syncPrefix, topics, type TopicRoot } from './topics.ts';

/**
 * Owns the checks on a sync message before the replica acts on it: well-formed, not our own,
 * from the client whose topic it came on (our catch-up topic is the agent's alone), for our
 * store, each event's provenance. Every refusal comes back as a reason to report.
 */
export type Inbound =
  | {
      readonly kind: 'vector';
      readonly from: string;
      readonly vector: Record<string, number>;
      readonly at?: number;
      readonly since?: string;
    }
  | {
      readonly kind: 'events';
      readonly from: string;
      readonly events: StoreEvent[];
      readonly floors: Record<string, number>;
      /**
       * Events the agent sent that we refuse (another store's, or of a type their device may
       * not emit): the agent holds them, we never will. Only the agent's count: anyone else
       * could name events to make a device think it holds all there is.
       */
      readonly refused: readonly Pick<StoreEvent, 'device' | 'seq'>[];
    };

export function readInbound(
  root: TopicRoot,
  self: string,
  topic: string,
  payload: string,
  bytes: number,
): { message?: Inbound; rejected: string[] } {
  const msg = parseSyncMessage(payload, bytes);
  if (!msg.ok) return { rejected: [`sync message dropped: ${msg.reason}`] };
  if (msg.from === self) return { rejected: [] };
  // the broker lets a client publish only on its own topics: "from" must be that client
  const publisher =
    topic === topics.to(root, self)
      ? isAgentDevice(msg.from)
        ? msg.from
        : undefined
      : syncTopicDevice(syncPrefix(root), topic);
  if (publisher !== msg.from) {
    return { rejected: [`sync message from ${msg.from} on ${topic} dropped: not its topic`] };
  }
  if (msg.kind === 'vector') {
    const { from, vector, at, since } = msg;
    return {
      message: {
        kind: 'vector',
        from,
        vector,
        ...(at !== undefined ? { at } : {}),
        ...(since !== undefined ? { since } : {}),
      },
      rejected: [],
    };
  }
  const rejected = msg.rejected.map((reason) => `event from ${msg.from} dropped: ${reason}`);
  const ours = msg.events.filter((e) => e.store === root.store);
  if (ours.length !== msg.events.length) {
    rejected.push(`events from ${msg.from} for another store dropped`);
  }
  const checked = checkEventsProvenance(msg.from, ours, msg.floors);
  for (const reason of checked.dropped) rejected.push(`dropped: ${reason}`);
  const accepted = new Set(checked.accepted);
  const refused = isAgentDevice(msg.from) ? msg.events.filter((e) => !accepted.has(e)) : [];
  return {
    message: {
      kind: 'events',
      from: msg.from,
      events: checked.accepted,
      floors: checked.floors,
      refused: refused.map(({ device, seq }) => ({ device, seq })),
    },
    rejected,
  };
}
