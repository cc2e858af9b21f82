import { encodeHlc } from '../../domain/clock/hlc.ts';
import type { StoreConfig } from '../../domain/config/types.ts';
import type { EventBody, StoreEvent } from '../../domain/queue/events.ts';
import { topics, type TopicRoot } from '../topics.ts';
import type { SimNetwork, SimTransport } from './network.ts';
import type { SimScheduler } from './scheduler.ts';

/**
 * A kiosk with stolen credentials, for the hostile simulations: its own client and topics, so
 * the broker lets it in, but it stamps its events with whatever clock and numbers it likes and
 * announces whatever vector it likes. It keeps what it forged (to send again as a device
 * resends its outbox) and when it sent each one (a forgery is judged against that moment).
 */
export class HostileKiosk {
  readonly forged: StoreEvent[] = [];
  readonly sentAt = new Map<string, number>();
  private readonly transport: SimTransport;

  constructor(
    net: SimNetwork,
    private readonly scheduler: SimScheduler,
    private readonly root: TopicRoot,
    readonly id = 'kiosk-evil',
  ) {
    this.transport = net.connect(id);
  }

  /** The next event of its own, stamped at `wall`; recorded, not sent. */
  stamp(wall: number, body: EventBody, counter = 0): StoreEvent {
    const seq = this.forged.length + 1;
    const hlc = encodeHlc({ wall, counter });
    const e = {
      id: `${this.id}:${seq}`,
      store: this.root.store,
      device: this.id,
      seq,
      hlc,
      ...body,
    };
    this.forged.push(e);
    this.sentAt.set(e.id, this.scheduler.now);
    return e;
  }

  send(events: readonly StoreEvent[]): Promise<void> {
    const payload = JSON.stringify({ v: 1, kind: 'events', from: this.id, events });
    return this.transport
      .publish(topics.events(this.root, this.id), payload)
      .catch(() => undefined);
  }

  /** Its vector, as connected devices announce theirs (by default, honestly its own count). */
  announce(vector: Record<string, number> = { [this.id]: this.forged.length }): Promise<void> {
    const payload = { v: 1, kind: 'vector', from: this.id, vector, at: this.scheduler.now };
    return this.transport
      .publish(topics.vector(this.root, this.id), JSON.stringify(payload))
      .catch(() => undefined);
  }

  close(): Promise<void> {
    return this.transport.close();
  }
}

/** A ticket.issued body for `svc` numbered `n` with the service's prefix, as a kiosk writes it. */
export function ticketBody(
  cfg: StoreConfig,
  id: string,
  svc: string,
  n: number,
  priority = false,
): EventBody {
  const prefix = cfg.services.find((s) => s.id === svc)?.prefix ?? 'C';
  return {
    type: 'ticket.issued',
    ticket: id,
    service: svc,
    number: `${prefix}${String(n).padStart(3, '0')}`,
    n,
    ...(priority ? { priority: true as const } : {}),
  };
}
