import { mkdir } from 'node:fs/promises';
import type { StoreEvent } from '../../domain/queue/events.ts';
import type { QueueState } from '../../domain/queue/state.ts';
import { DEFAULT_DELIVERY, type DeliveryOptions } from '../../domain/webhooks/delivery.ts';
import { webhookPayload, type WebhookKind } from '../../domain/webhooks/kinds.ts';
import { pastMark } from '../../domain/webhooks/replay.ts';
import type { EndpointView } from '../../domain/webhooks/view.ts';
import type { Logger } from '../log.ts';
import { EndpointRunner, type RunnerContext } from './endpoint-runner.ts';
import { loadEndpoints, newEndpoint, saveEndpoints, type Endpoint } from './endpoints.ts';
import { MarkFile } from './mark-file.ts';
import { QueueFile } from './queue-file.ts';

/**
 * The hub's signed webhooks: the endpoints managers registered, each with its durable queue
 * and its runner. Committed store events become deliveries (src/domain/webhooks/kinds.ts),
 * queued on the disk per endpoint; the runners send them on their own. The queued mark
 * (src/domain/webhooks/replay.ts) says how far the store's log is queued, so a restart
 * queues what a stop kept out.
 */
export interface CommittedEvents {
  readonly state: QueueState;
  /** Only events committed to the store's history, refused ones never (src/sync/replica.ts). */
  subscribeEvents(listener: (events: readonly StoreEvent[]) => void): () => void;
  /** The log's version vector: highest contiguous seq per device. */
  vector(): Record<string, number>;
  /** The events the log holds (the history's recent days). */
  events(): StoreEvent[];
}

type Source = Partial<CommittedEvents> & Pick<CommittedEvents, 'state'>;

export type { EndpointView };

export interface WebhooksOptions {
  /** The folder of the endpoints and their queues (`<data>/<store>/webhooks`). */
  readonly dir: string;
  readonly log: Logger;
  readonly delivery?: DeliveryOptions;
  /** Longest wait for an endpoint's answer (ms). Default 10 s. */
  readonly timeoutMs?: number;
  /** Requests in flight at once, all endpoints together. Default 4. */
  readonly concurrency?: number;
  readonly now?: () => number;
}

export interface Webhooks {
  list(): EndpointView[];
  /** Registers an endpoint; the answer holds its secret, which is never shown again. */
  add(url: string, kinds: readonly WebhookKind[]): Promise<EndpointView & { secret: string }>;
  remove(id: string): Promise<boolean>;
  enable(id: string): EndpointView | undefined;
  /**
   * Queues the webhooks of the events the source commits from now on (none: nothing), and
   * first those of its log past the queued mark (none the first time).
   */
  follow(source: Source): void;
  close(): Promise<void>;
}

export async function startWebhooks(opts: WebhooksOptions): Promise<Webhooks> {
  const { dir, log } = opts;
  await mkdir(dir, { recursive: true });
  const ctx: RunnerContext = {
    delivery: opts.delivery ?? DEFAULT_DELIVERY,
    timeoutMs: opts.timeoutMs ?? 10_000,
    now: opts.now ?? Date.now,
    log,
    limit: createLimit(opts.concurrency ?? 4),
  };
  const warn = (m: string): void => log.warn('webhooks', m);
  const runners = new Map<string, EndpointRunner>();
  for (const e of await loadEndpoints(dir)) {
    runners.set(e.id, new EndpointRunner(e, await QueueFile.open(dir, e.id, warn), ctx));
  }
  if (runners.size > 0) log.info('webhooks', `${runners.size} webhook endpoint(s) registered`);
  const endpoints = (): Endpoint[] => [...runners.values()].map((r) => r.endpoint);
  let unsubscribe = (): void => undefined;
  let changing: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const next = changing.then(task);
    changing = next.catch(() => undefined);
    return next;
  };

  const mark = await MarkFile.open(dir, warn);
  let marking: Promise<void> = Promise.resolve();
  // a batch not written: the mark stays before it until a restart queues it again
  let held = false;

  /** Queues a batch; the mark moves to `after` once it and all before it are on the disk. */
  const take = (events: readonly StoreEvent[], source: Source, replayed: boolean): void => {
    const after = source.vector?.();
    const payloads = events.flatMap((e) => webhookPayload(e, source.state) ?? []);
    const written = Promise.all(
      [...runners.values()].map((r) => {
        const mine = payloads.filter((p) => r.endpoint.kinds.includes(p.kind));
        return r.enqueue(
          mine.map((p) => ({ id: p.id, body: JSON.stringify(p) })),
          replayed,
        );
      }),
    );
    marking = marking.then(async () => {
      if (!(await written).every(Boolean)) held = true;
      if (!held && after) mark.set(after);
    });
  };

  return {
    list: () => [...runners.values()].map(viewOf),
    add: (url, kinds) =>
      serially(async () => {
        const e = newEndpoint(url, kinds, ctx.now());
        const runner = new EndpointRunner(e, await QueueFile.open(dir, e.id, warn), ctx);
        await saveEndpoints(dir, [...endpoints(), e]);
        runners.set(e.id, runner);
        log.info('webhooks', `endpoint ${e.id} added: ${url} for ${kinds.join(', ')}`);
        return { ...viewOf(runner), secret: e.secret };
      }),
    remove: (id) =>
      serially(async () => {
        const r = runners.get(id);
        if (!r) return false;
        await saveEndpoints(
          dir,
          endpoints().filter((e) => e.id !== id),
        );
        runners.delete(id);
        await r.remove();
        log.info('webhooks', `endpoint ${id} deleted: ${r.endpoint.url}`);
        return true;
      }),
    enable(id) {
      const r = runners.get(id);
      r?.enable();
      return r ? viewOf(r) : undefined;
    },
    follow(source) {
      unsubscribe();
      if (!source.subscribeEvents) return;
      unsubscribe = source.subscribeEvents((events) => take(events, source, false));
      if (!source.vector || !source.events) return;
      const saved = mark.value;
      if (saved === undefined) {
        // the first run here: webhooks are for what the store commits from now on
        mark.set(source.vector());
        return;
      }
      const missed = pastMark(source.events(), saved);
      if (missed.length > 0) {
        log.info('webhooks', `${missed.length} event(s) past the queued mark queued again`);
      }
      take(missed, source, true);
    },
    async close() {
      unsubscribe();
      await changing;
      await marking;
      await mark.flush();
      await Promise.all([...runners.values()].map((r) => r.close()));
    },
  };
}

function viewOf(r: EndpointRunner): EndpointView {
  const { id, url, kinds, createdAt } = r.endpoint;
  const { pending, failures, lastSuccess, lastError, failingSince, nextAttemptAt, disabledAt } =
    r.delivery;
  return {
    id,
    url,
    kinds,
    createdAt,
    pending,
    failures,
    ...(lastSuccess !== undefined ? { lastSuccess } : {}),
    ...(lastError !== undefined && failures > 0 ? { lastError } : {}),
    ...(failingSince !== undefined ? { failingSince } : {}),
    ...(nextAttemptAt !== undefined && failures > 0 ? { nextAttemptAt } : {}),
    ...(disabledAt !== undefined ? { disabledAt } : {}),
  };
}

/** At most `n` tasks at once; the rest wait their turn in order. */
function createLimit(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    // a finished task hands its slot straight to the next in line
    if (running >= n) await new Promise<void>((go) => waiting.push(go));
    else running++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
