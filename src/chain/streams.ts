/**
 * The chain's streams on the cluster, created or brought up to date by the chain service at start
 * (and by tests): the history of every store's events and the live figures, both on 3 replicas.
 */
import { type JetStreamManager, type StreamConfig } from '@nats-io/jetstream';
import { CHAIN_ROOT, EVENTS_STREAM, LIVE_STREAM, eventsFilter } from '../domain/chain/subjects.ts';

const NANOS_PER_SEC = 1_000_000_000;

/**
 * How long JetStream remembers a message id to drop a resend: a hub resends only what it sent
 * but had no acknowledgement for, so the window covers a restart, not days.
 */
export const DEDUP_WINDOW_SEC = 15 * 60;

export function chainStreamConfigs(replicas = 3): (Partial<StreamConfig> & { name: string })[] {
  return [
    {
      name: EVENTS_STREAM,
      subjects: [eventsFilter()],
      num_replicas: replicas,
      duplicate_window: DEDUP_WINDOW_SEC * NANOS_PER_SEC,
    },
    {
      name: LIVE_STREAM,
      subjects: [`${CHAIN_ROOT}.*.wait.*`, `${CHAIN_ROOT}.*.link`],
      num_replicas: replicas,
      max_msgs_per_subject: 1,
      allow_direct: true,
    },
  ];
}

/**
 * A 3-replica stream is made once its replicas have elected a leader: a busy cluster can answer
 * after the request's timeout, with the stream made or not. Asked again (its info first), the
 * answer is certain; a cluster that times out this many times in a row is down, and says so.
 */
const ATTEMPTS = 3;

/** Create the chain's streams, or update them to this configuration; idempotent. */
export async function ensureChainStreams(jsm: JetStreamManager, replicas = 3): Promise<void> {
  for (const cfg of chainStreamConfigs(replicas)) {
    for (let attempt = 1; ; attempt++) {
      try {
        await ensureStream(jsm, cfg);
        break;
      } catch (err) {
        if ((err as Error).name !== 'TimeoutError') throw err;
        if (attempt >= ATTEMPTS) {
          throw new Error(
            `the chain's cluster did not answer for stream ${cfg.name} in ${ATTEMPTS} tries (${(err as Error).message}): are its servers up and in touch?`,
            { cause: err },
          );
        }
      }
    }
  }
}

async function ensureStream(
  jsm: JetStreamManager,
  cfg: Partial<StreamConfig> & { name: string },
): Promise<void> {
  const exists = await jsm.streams.info(cfg.name).then(
    () => true,
    () => false,
  );
  if (exists) await jsm.streams.update(cfg.name, cfg);
  else await jsm.streams.add(cfg);
}
