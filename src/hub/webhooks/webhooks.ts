import { mkdir } from 'node:fs/promises';
import { DEFAULT_DELIVERY, type DeliveryOptions } from '../../domain/webhooks/delivery.ts';
import type { WebhookKind } from '../../domain/webhooks/kinds.ts';
import type { EndpointView } from '../../domain/webhooks/view.ts';
import type { Logger } from '../log.ts';
import { EndpointRunner, type RunnerContext } from './endpoint-runner.ts';
import { loadEndpoints, newEndpoint, saveEndpoints, type Endpoint } from './endpoints.ts';
import { createFeed, type CommittedEvents, type Source } from './feed.ts';
import { MarkFile } from './mark-file.ts';
import { QueueFile } from './queue-file.ts';

/**
 * The hub's signed webhooks: the endpoints managers registered, each with its durable queue
 * and its runner. Committed store events become deliveries (src/domain/webhooks/kinds.ts),
 * queued on the disk per endpoint (feed.ts, with the queued mark that lets a restart queue
 * what a stop kept out); the runners send them on their own.
 */
export type { CommittedEvents };
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
  let changing: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const next = changing.then(task);
    changing = next.catch(() => undefined);
    return next;
  };

  const feed = createFeed(await MarkFile.open(dir, warn), () => runners.values(), log);

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
    follow: (source) => feed.follow(source),
    async close() {
      await changing;
      await feed.close();
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
