/**
 * Every store's live figures as the chain holds them (LIVE_STREAM, last message per subject):
 * its waits per service and its chain-link report, followed by an ordered consumer from the
 * last message of each subject on, so every service instance sees them all; reopened when a
 * node takes the consumer down with it.
 */
import { DeliverPolicy, type JetStreamClient } from '@nats-io/jetstream';
import type { LiveLink, LiveWait } from '../../domain/chain/chain-board.ts';
import { CHAIN_ROOT, LIVE_STREAM } from '../../domain/chain/subjects.ts';
import { followForever } from './follow.ts';

export interface StoreLive {
  link?: LiveLink;
  readonly waits: Map<string, LiveWait>;
}

export interface LiveView {
  get(store: string): StoreLive | undefined;
  stores(): string[];
  stop(): Promise<void>;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** A link payload read loosely: a store's hub writes it, the chain only shows it. */
export function readLink(raw: unknown): LiveLink | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const o = raw as Record<string, unknown>;
  if (typeof o.connected !== 'boolean') return undefined;
  return {
    connected: o.connected,
    waiting: num(o.waiting) ?? 0,
    lastAckAt: num(o.lastAckAt),
    lastEventAt: num(o.lastEventAt),
    at: num(o.at) ?? 0,
  };
}

export function readWait(raw: unknown): LiveWait | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const o = raw as Record<string, unknown>;
  if (typeof o.service !== 'string') return undefined;
  return {
    service: o.service,
    waiting: num(o.waiting) ?? 0,
    estimateSec: num(o.estimateSec) ?? 0,
    openCounters: num(o.openCounters) ?? 0,
    noCounter: o.noCounter === true,
    longestWaitSec: num(o.longestWaitSec),
  };
}

/** Longer than two of a store's 10 s link reports: no message for this long is a stuck feed. */
const STALL_MS = 25_000;

export function startLiveView(
  js: JetStreamClient,
  log: { warn(area: string, line: string): void; info(area: string, line: string): void },
): LiveView {
  const byStore = new Map<string, StoreLive>();
  let heardAt: number | undefined;
  const take = (subject: string, text: string) => {
    const [, store, kind, service] = subject.split('.');
    if (!store) return;
    let live = byStore.get(store);
    if (!live) byStore.set(store, (live = { waits: new Map() }));
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return;
    }
    if (kind === 'link') {
      const link = readLink(raw);
      if (link) live.link = link;
    } else if (kind === 'wait' && service) {
      const wait = readWait(raw);
      if (wait) live.waits.set(service, wait);
    }
  };
  // from the last message of each subject on, again after every reopening
  const follower = followForever(
    'the live figures',
    async () => {
      const consumer = await js.consumers.get(LIVE_STREAM, {
        deliver_policy: DeliverPolicy.LastPerSubject,
        filter_subjects: `${CHAIN_ROOT}.>`,
      });
      const messages = await consumer.consume();
      // a consumer whose node died can go quiet without ending: stores report every 10 s, so
      // silence for STALL_MS once reports have come means the feed is stuck; end it to reopen
      const stall = setInterval(() => {
        if (heardAt !== undefined && Date.now() - heardAt > STALL_MS) {
          heardAt = undefined;
          void messages.close();
        }
      }, STALL_MS / 5);
      void messages.closed().then(() => clearInterval(stall));
      return Object.assign(messages, {
        end: () => {
          clearInterval(stall);
          return messages.close().then(() => undefined);
        },
      });
    },
    (m) => {
      heardAt = Date.now();
      take(m.subject, m.string());
    },
    log,
  );
  return {
    get: (store) => byStore.get(store),
    stores: () => [...byStore.keys()].sort(),
    stop: () => follower.stop(),
  };
}
