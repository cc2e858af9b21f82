import type { StoreConfig } from '../domain/config/types.ts';
import type { PublicMessage } from '../domain/public/messages.ts';
import { waitAlertMessage, waitMessages, type WaitExtras } from '../domain/public/wait-messages.ts';
import { hoursOf } from '../domain/hours/schedule.ts';
import { serviceIssuing } from '../domain/hours/service-issuing.ts';
import { startOfDay } from '../domain/queue/day.ts';
import type { StoreEvent } from '../domain/queue/events.ts';
import type { QueueState } from '../domain/queue/state.ts';
import { liveServiceStats } from '../domain/reports/live.ts';
import {
  WaitAlerts,
  waitReading,
  type ActiveWaitAlert,
  type WaitAlertOptions,
} from '../domain/wait/alerts.ts';
import { WaitEstimator } from '../domain/wait/estimator.ts';
import { StoreEventFeed } from '../domain/wait/feed.ts';
import {
  estimateWaitWith,
  publishedWait,
  type PublishedWait,
  type QueueWait,
} from '../domain/wait/queue-state.ts';
import type { Clock, ConnectionState, Transport } from '../sync/ports.ts';
import { storeTopic, type TopicRoot } from '../sync/topics.ts';
import type { Logger } from './log.ts';

/**
 * The hub's live wait times (DESIGN.md section 4): a WaitEstimator that learns from the
 * store's durable history at start and from every event the agent's replica applies after,
 * publishing the retained `wait/{service}` and `wait/{service}/minutes` topics on every change
 * and at least every `heartbeatMs`, and alerts when a service needs a counter (somebody waits
 * with none open, or the longest current wait or a new customer's estimate is above the target)
 * and when it recovers (domain/wait/alerts.ts). The decisions are pure domain code; this module
 * only feeds them and publishes what they return.
 */
export interface WaitPublisherOptions extends WaitAlertOptions {
  /** Every service is republished at least this often, ms. Default 30 s. */
  readonly heartbeatMs?: number;
  /** Changes this close together are published once, ms. Default 250. */
  readonly debounceMs?: number;
  /** The most recent days of history the estimator learns from at start. Default 28. */
  readonly historyDays?: number;
}

/** What the publisher needs from the agent's replica. */
export interface WaitReplica {
  readonly state: QueueState;
  readonly connection: ConnectionState;
  events(): StoreEvent[];
  subscribe(listener: () => void): () => void;
  subscribeEvents(listener: (events: readonly StoreEvent[]) => void): () => void;
}

/** The durable history, day by day (EventFileStore). */
export interface WaitHistory {
  days(): Promise<string[]>;
  readDay(day: string): Promise<StoreEvent[]>;
}

export interface WaitPublisherDeps {
  readonly config: StoreConfig;
  readonly root: TopicRoot;
  readonly replica: WaitReplica;
  readonly history: WaitHistory;
  readonly transport: Pick<Transport, 'publish' | 'onStateChange'>;
  readonly clock: Clock;
  readonly log: Logger;
  readonly options?: WaitPublisherOptions;
}

export interface WaitPublisher {
  /** Resolves once the history is learned and the first waits are published. */
  readonly ready: Promise<void>;
  /** The wait of a ticket issued now for the service, or of a waiting ticket (tracking page). */
  estimate(service: string, ticket?: string): QueueWait;
  /** The waits last published, one per service. */
  current(): PublishedWait[];
  activeAlerts(): ActiveWaitAlert[];
  /**
   * The manager's settings changed: services and targets from now on. (A service's
   * avgServiceSec prior stays the one the estimator started with until the hub restarts.)
   */
  setConfig(config: StoreConfig): void;
  close(): Promise<void>;
}

const CHUNK = 500;
const MAX_UNSENT_ALERTS = 20;
const UNSENT_ALERT_MAX_AGE_MS = 15 * 60_000;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function startWaitPublisher(deps: WaitPublisherDeps): WaitPublisher {
  const { root, replica, history, transport, clock, log } = deps;
  let config = deps.config;
  const options = deps.options ?? {};
  const heartbeatMs = options.heartbeatMs ?? 30_000;
  const debounceMs = options.debounceMs ?? 250;
  const historyDays = options.historyDays ?? 28;

  const estimator = new WaitEstimator({
    timeZone: config.store.timeZone,
    serviceSec: Object.fromEntries(config.services.map((s) => [s.id, s.avgServiceSec])),
  });
  const feed = new StoreEventFeed(estimator);
  const alerts = new WaitAlerts(options);
  const published = new Map<string, { key: string; wait: PublishedWait }>();
  let unsentAlerts: { at: number; message: PublicMessage }[] = [];
  let learning = true;
  let held: StoreEvent[] = [];
  let closed = false;
  let cancelDebounce: (() => void) | undefined;
  let cancelHeartbeat: (() => void) | undefined;
  let cancelRecheck: (() => void) | undefined;

  const unsubscribeEvents = replica.subscribeEvents((events) => {
    if (learning) held.push(...events);
    else {
      feed.push(events);
      schedule();
    }
  });

  const send = (m: PublicMessage): Promise<void> =>
    transport.publish(storeTopic(root, m.subtopic), m.payload, {
      qos: 1,
      retain: m.retain,
    });

  const sendAlert = (m: PublicMessage): void => {
    send(m).catch(() => {
      // the broker is away: say it when it is back, unless it is stale by then
      unsentAlerts.push({ at: clock.now(), message: m });
      if (unsentAlerts.length > MAX_UNSENT_ALERTS) unsentAlerts.shift();
    });
  };

  /** Recomputes every service; publishes what changed (everything when `force`). */
  const update = (force: boolean): void => {
    if (closed || learning) return;
    feed.drain();
    const now = clock.now();
    const level = new Map(
      liveServiceStats(replica.state, config, now, startOfDay(now, config.store.timeZone)).map(
        (x) => [x.service, x.serviceLevel],
      ),
    );
    for (const service of config.services) {
      let wait: PublishedWait;
      try {
        wait = publishedWait(estimator, replica.state, service.id, now);
      } catch (err) {
        log.error('waits', `estimating ${service.id} failed: ${(err as Error).message}`);
        continue;
      }
      // the alert first: the retained wait says whether one stands, as the alerts topic does
      const change = alerts.update(
        waitReading(
          service.id,
          { ...wait, sameServiceAhead: wait.waiting },
          service.targetWaitSec,
          now,
        ),
      );
      if (change) {
        const m = waitAlertMessage(change, wait, config);
        log.info('waits', (JSON.parse(m.payload) as { message: string }).message);
        sendAlert(m);
      }
      const extra: WaitExtras = {
        alert: alerts.active().some((a) => a.service === service.id),
        serviceLevelToday: level.get(service.id) ?? null,
        ...hoursExtra(config, replica.state, service.id, now, wait),
      };
      const key = JSON.stringify([
        wait.waiting,
        wait.estimateSec,
        wait.lowSec,
        wait.highSec,
        wait.openCounters,
        wait.noCounter,
        wait.longestWaitSec,
        extra.alert,
        extra.serviceLevelToday,
        extra.hours,
      ]);
      const last = published.get(service.id);
      if (force || last?.key !== key) {
        published.set(service.id, { key, wait });
        for (const m of waitMessages(wait, extra)) void send(m).catch(() => undefined);
      }
    }
    // a raise or recovery held back by the minimum interval: look again when it may happen
    cancelRecheck?.();
    cancelRecheck = undefined;
    const next = alerts.nextDecisionAt();
    if (next !== undefined) {
      cancelRecheck = clock.after(Math.max(0, next - clock.now()) + 10, () => {
        cancelRecheck = undefined;
        update(false);
      });
    }
  };

  const schedule = (): void => {
    if (cancelDebounce || closed) return;
    cancelDebounce = clock.after(debounceMs, () => {
      cancelDebounce = undefined;
      update(false);
    });
  };

  const heartbeat = (): void => {
    if (closed) return;
    update(true);
    cancelHeartbeat = clock.after(heartbeatMs, heartbeat);
  };

  // Anything that changes the line (a merge, a day roll) or the connection: look again.
  let connection = replica.connection;
  const unsubscribe = replica.subscribe(() => schedule());
  transport.onStateChange((s) => {
    const back = s === 'online' && connection !== 'online';
    connection = s;
    if (!back || closed || learning) return;
    update(true);
    const fresh = unsentAlerts.filter((a) => clock.now() - a.at < UNSENT_ALERT_MAX_AGE_MS);
    unsentAlerts = [];
    for (const a of fresh) sendAlert(a.message);
  });

  const learn = async (): Promise<void> => {
    const started = performance.now();
    let days: string[] = [];
    try {
      days = (await history.days()).slice(-historyDays);
    } catch (err) {
      log.warn('waits', `cannot list the history: ${(err as Error).message}`);
    }
    for (const day of days) {
      if (closed) return;
      try {
        feed.push(await history.readDay(day));
      } catch (err) {
        log.warn('waits', `cannot read the history of ${day}: ${(err as Error).message}`);
      }
      while (feed.drain(CHUNK) > 0) {
        await nextTurn();
        if (closed) return;
      }
    }
    feed.push(replica.events());
    feed.push(held);
    held = [];
    learning = false;
    feed.drain();
    const sec = ((performance.now() - started) / 1000).toFixed(1);
    log.info(
      'waits',
      `wait estimates learned from ${feed.observed} events over ${days.length} day${days.length === 1 ? '' : 's'} in ${sec} s`,
    );
    heartbeat();
  };

  const ready = learn().catch((err: unknown) => {
    log.error('waits', `learning from history failed: ${(err as Error).message}`);
    learning = false;
    if (!closed) heartbeat();
  });

  return {
    ready,
    estimate(service, ticket) {
      if (!learning) feed.drain();
      return estimateWaitWith(
        estimator,
        replica.state,
        service,
        clock.now(),
        ticket ? { ticket } : {},
      );
    },
    current: () => [...published.values()].map((p) => p.wait),
    activeAlerts: () => alerts.active(),
    setConfig(next) {
      config = next;
      schedule();
    },
    async close() {
      closed = true;
      cancelDebounce?.();
      cancelHeartbeat?.();
      cancelRecheck?.();
      unsubscribe();
      unsubscribeEvents();
      await ready;
    },
  };
}

/** The hours' part of a wait payload; none for a service without hours or a cap (as before). */
function hoursExtra(
  config: StoreConfig,
  state: QueueState,
  serviceId: string,
  now: number,
  wait: PublishedWait,
): Pick<WaitExtras, 'hours'> {
  const service = config.services.find((s) => s.id === serviceId);
  if (!hoursOf(config, serviceId) && service?.dailyCap === undefined) return {};
  const seconds = wait.noCounter
    ? undefined
    : { estimateSec: wait.estimateSec, lowSec: wait.lowSec, highSec: wait.highSec };
  return { hours: serviceIssuing(config, state, serviceId, now, seconds) };
}
