/**
 * Topic names for the replicas, the hub and the apps: the names themselves are spelled once,
 * in src/domain/topics/names.ts (the domain needs them too); this adds presence's payload.
 */
export {
  isSyncTopic,
  storeTopic,
  subtopics,
  syncPrefix,
  topics,
  type TopicRoot,
} from '../domain/topics/names.ts';

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
