/**
 * A light store on the chain, for tests and the benchmark: publishes a simulated day's events
 * (simulated-day.ts) with the contract's subjects and message ids, as a store's hub does, and
 * its live figures (waits per service, the chain-link report). No hub, no disk.
 */
import type { JetStreamClient } from '@nats-io/jetstream';
import { wallOf } from '../domain/clock/hlc.ts';
import { eventMsgId, eventsSubject, linkSubject, waitSubject } from '../domain/chain/subjects.ts';
import { dayKey } from '../domain/queue/day.ts';
import type { StoreEvent } from '../domain/queue/events.ts';
import type { LinkReport } from '../domain/chain/link-report.ts';
import type { PublishedWait } from '../domain/wait/queue-state.ts';

export type { LinkReport } from '../domain/chain/link-report.ts';

/**
 * The public wait payload (DESIGN.md section 4) as the chain reads it: the hub's shape, with the
 * later additions optional because older hubs leave them out.
 */
export type WaitPayload = Omit<PublishedWait, 'noCounter' | 'longestWaitSec'> &
  Partial<Pick<PublishedWait, 'noCounter' | 'longestWaitSec'>>;

export interface SimulatedStore {
  readonly store: string;
  /** Publishes events, in order, a few in flight; resolves when every one is acknowledged. */
  publish(events: readonly StoreEvent[]): Promise<{ stored: number; duplicates: number }>;
  publishWait(wait: WaitPayload): Promise<void>;
  publishLink(report: Omit<LinkReport, 'at'> & { at?: number }): Promise<void>;
  /** Acknowledged so far (ms of the newest event's clock), for the link report. */
  lastEventAt(): number | null;
}

const encoder = new TextEncoder();
/** Resends of one event before giving up: longer than a cluster's re-election (about 15 s). */
const MAX_ATTEMPTS = 120;
const RETRY_MS = 250;

export function simulatedStore(
  js: JetStreamClient,
  store: string,
  timeZone = 'UTC',
  inFlight = 32,
): SimulatedStore {
  let newest: number | null = null;
  const one = async (e: StoreEvent) => {
    const wall = wallOf(e.hlc);
    const subject = eventsSubject(store, dayKey(wall, timeZone));
    const body = encoder.encode(JSON.stringify(e));
    const msgID = eventMsgId(store, e.device, e.seq);
    // as a hub does: a publish refused while the cluster re-elects (no responders, a timeout)
    // is sent again with the same id, which the stream stores once
    let ack;
    for (let attempt = 1; ; attempt++) {
      try {
        ack = await js.publish(subject, body, { msgID });
        break;
      } catch (err) {
        if (attempt >= MAX_ATTEMPTS) throw err;
        await new Promise((r) => setTimeout(r, RETRY_MS));
      }
    }
    newest = Math.max(newest ?? 0, wall);
    return ack.duplicate;
  };
  return {
    store,
    async publish(events) {
      let duplicates = 0;
      for (let i = 0; i < events.length; i += inFlight) {
        const acks = await Promise.all(events.slice(i, i + inFlight).map(one));
        duplicates += acks.filter(Boolean).length;
      }
      return { stored: events.length - duplicates, duplicates };
    },
    async publishWait(wait) {
      await js.publish(waitSubject(store, wait.service), encoder.encode(JSON.stringify(wait)));
    },
    async publishLink(report) {
      const full: LinkReport = { ...report, at: report.at ?? Date.now() };
      await js.publish(linkSubject(store), encoder.encode(JSON.stringify(full)));
    },
    lastEventAt: () => newest,
  };
}
