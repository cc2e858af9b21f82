import {
  acceptsDeliveries,
  healthOf,
  initialDelivery,
  stepDelivery,
  type DeliveryEffect,
  type DeliveryInput,
  type DeliveryOptions,
  type DeliveryState,
} from '../../domain/webhooks/delivery.ts';
import type { Logger } from '../log.ts';
import type { Endpoint } from './endpoints.ts';
import type { QueueFile, QueuedDelivery } from './queue-file.ts';
import { sendWebhook } from './send.ts';

/** What every endpoint's runner shares: the policy, the clock, and the slots for requests. */
export interface RunnerContext {
  readonly delivery: DeliveryOptions;
  readonly timeoutMs: number;
  readonly now: () => number;
  readonly log: Logger;
  /** Runs a request when one of the hub's few request slots is free. */
  readonly limit: <T>(task: () => Promise<T>) => Promise<T>;
}

/**
 * The driver of one endpoint: performs what the delivery policy (src/domain/webhooks/
 * delivery.ts) asks, on its durable queue, in its own async loop, so nothing the endpoint
 * does (answer slowly, never, or fail) reaches the store agent.
 */
export class EndpointRunner {
  private state: DeliveryState;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly abort = new AbortController();
  private closed = false;

  constructor(
    readonly endpoint: Endpoint,
    private readonly queue: QueueFile,
    private readonly ctx: RunnerContext,
  ) {
    this.state = initialDelivery(queue.health, queue.length);
    this.input({ type: 'tick', at: ctx.now() });
  }

  get delivery(): DeliveryState {
    return this.state;
  }

  /**
   * Queues deliveries (on the disk first), unless the endpoint is disabled. Resolves to false
   * when they could not be written (logged here). `replayed`: deliveries that may be queued
   * already (src/domain/webhooks/replay.ts); those still waiting in the queue are not added again.
   */
  async enqueue(deliveries: readonly QueuedDelivery[], replayed = false): Promise<boolean> {
    const waiting = replayed ? this.queue.pendingIds() : undefined;
    const fresh = waiting ? deliveries.filter((d) => !waiting.has(d.id)) : deliveries;
    if (fresh.length === 0 || !acceptsDeliveries(this.state)) return true;
    try {
      await this.queue.append(fresh);
    } catch (err) {
      this.ctx.log.error(
        'webhooks',
        `${this.endpoint.url}: ${fresh.length} deliveries could not be queued on the disk: ${(err as Error).message}`,
      );
      return false;
    }
    this.input({ type: 'queued', count: fresh.length, at: this.ctx.now() });
    return true;
  }

  enable(): void {
    this.input({ type: 'enabled', at: this.ctx.now() });
  }

  close(): Promise<void> {
    this.stop();
    return this.queue.close();
  }

  /** Closes and deletes its queue (the endpoint was deleted). */
  remove(): Promise<void> {
    this.stop();
    return this.queue.remove();
  }

  private stop(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.abort.abort();
  }

  private input(i: DeliveryInput): void {
    if (this.closed) return;
    const before = this.state;
    const out = stepDelivery(before, i, this.ctx.delivery);
    this.state = out.state;
    for (const e of out.effects) this.perform(e, before);
  }

  private perform(e: DeliveryEffect, before: DeliveryState): void {
    switch (e.type) {
      case 'attempt':
        void this.attempt();
        return;
      case 'ack':
        this.queue.ack();
        return;
      case 'save':
        this.queue.save(healthOf(this.state)).catch((err: unknown) => {
          this.ctx.log.warn(
            'webhooks',
            `${this.endpoint.url}: state not saved: ${(err as Error).message}`,
          );
        });
        return;
      case 'wake':
        clearTimeout(this.timer);
        this.timer = setTimeout(
          () => this.input({ type: 'tick', at: this.ctx.now() }),
          Math.max(0, e.at - this.ctx.now()),
        );
        this.timer.unref();
        return;
      case 'notice':
        this.notice(e.notice, before);
    }
  }

  private async attempt(): Promise<void> {
    const head = this.queue.head();
    if (!head) return;
    const { url, secret } = this.endpoint;
    const result = await this.ctx.limit(() =>
      this.closed
        ? Promise.resolve({ ok: false as const, error: 'closed' })
        : sendWebhook(url, secret, head, this.ctx.timeoutMs, this.abort.signal),
    );
    const at = this.ctx.now();
    this.input(result.ok ? { type: 'succeeded', at } : { type: 'failed', at, error: result.error });
  }

  private notice(notice: 'failing' | 'recovered' | 'disabled' | 'enabled', before: DeliveryState) {
    const { log } = this.ctx;
    const { url } = this.endpoint;
    const s = this.state;
    if (notice === 'failing') {
      log.warn(
        'webhooks',
        `${url} failing (${s.lastError ?? 'error'}); retrying with backoff, ${s.pending} queued`,
      );
    } else if (notice === 'recovered') {
      log.info(
        'webhooks',
        `${url} recovered after ${before.failures} failed attempts; ${s.pending} still queued`,
      );
    } else if (notice === 'disabled') {
      log.warn(
        'webhooks',
        `${url} disabled: failing since ${new Date(s.failingSince ?? 0).toISOString()} (${s.lastError ?? 'error'}); a manager can enable it again in Settings`,
      );
    } else {
      log.info('webhooks', `${url} enabled again; ${s.pending} queued`);
    }
  }
}
