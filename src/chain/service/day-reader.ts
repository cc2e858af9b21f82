/**
 * Reads every event the chain holds for one store-day: an ordered consumer filtered on the
 * store-day's subject, from its first message to the last one there when the read began. Events
 * are checked with the domain's validator and kept once per id (a resend after JetStream's
 * deduplication window is stored twice but counts once).
 */
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { EVENTS_STREAM, eventsSubject } from '../../domain/chain/subjects.ts';
import type { StoreEvent } from '../../domain/queue/events.ts';
import { validateEvent } from '../../domain/sync/validate.ts';

export interface StoreDayEvents {
  readonly events: StoreEvent[];
  /** The stream's last sequence when the read began: every event of the day up to it is here. */
  readonly asOf: number;
  /** Messages that were not a valid event of this store (counted, never folded). */
  readonly rejected: number;
}

export interface DayReader {
  read(store: string, day: string): Promise<StoreDayEvents>;
}

const BATCH = 1000;

export function jetStreamDayReader(js: JetStreamClient, jsm: JetStreamManager): DayReader {
  return {
    async read(store, day) {
      const subject = eventsSubject(store, day);
      const info = await jsm.streams.info(EVENTS_STREAM, { subjects_filter: subject });
      const asOf = info.state.last_seq;
      const count = info.state.subjects?.[subject] ?? 0;
      const byId = new Map<string, StoreEvent>();
      let rejected = 0;
      if (count === 0) return { events: [], asOf, rejected };
      const consumer = await js.consumers.get(EVENTS_STREAM, { filter_subjects: subject });
      let seen = 0;
      while (seen < count) {
        const batch = await consumer.fetch({
          max_messages: Math.min(BATCH, count - seen),
          expires: 5000,
        });
        let got = 0;
        for await (const m of batch) {
          got++;
          seen++;
          const checked = validateEvent(parseJson(m.string()));
          if (checked.ok && checked.value.store === store) {
            byId.set(checked.value.id, checked.value);
          } else rejected++;
        }
        if (got === 0) throw new Error(`${subject}: read ${seen} of ${count} messages, then none`);
      }
      return { events: [...byId.values()], asOf, rejected };
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
