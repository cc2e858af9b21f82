import { LocalTransport } from '../memory-transport.ts';
import type { SimScheduler } from './scheduler.ts';

export interface Faults {
  /** Chance that a delivery to one subscriber is lost. */
  readonly loss: number;
  /** Chance that a delivery is made twice. */
  readonly duplicate: number;
  /** Deliveries take 1..maxDelayMs, so messages overtake each other. */
  readonly maxDelayMs: number;
}

export const NO_FAULTS: Faults = { loss: 0, duplicate: 0, maxDelayMs: 5 };

/**
 * The simulated broker and network. A client can be cut off (a partition, a dead tablet) and
 * the whole broker restarted; messages are lost, duplicated and reordered as `faults` say.
 */
export class SimNetwork {
  private readonly clients = new Set<SimTransport>();
  faults: Faults = NO_FAULTS;
  delivered = 0;
  lost = 0;
  duplicated = 0;

  constructor(
    readonly scheduler: SimScheduler,
    private readonly random: () => number,
  ) {}

  connect(clientId: string): SimTransport {
    const c = new SimTransport(this, clientId);
    this.clients.add(c);
    return c;
  }

  remove(c: SimTransport): void {
    this.clients.delete(c);
  }

  /** The broker goes down: every client is disconnected until `restartBroker`. */
  brokerDown = false;

  stopBroker(): void {
    this.brokerDown = true;
    for (const c of this.clients) c.setState('offline');
  }

  startBroker(): void {
    this.brokerDown = false;
    for (const c of this.clients) if (!c.cutOff) c.reconnectSoon();
  }

  delay(): number {
    return 1 + Math.floor(this.random() * this.faults.maxDelayMs);
  }

  reconnectDelay(): number {
    return 100 + Math.floor(this.random() * 900);
  }

  route(from: SimTransport, topic: string, payload: string): void {
    for (const c of this.clients) {
      if (c.state !== 'online' || !c.wants(topic)) continue;
      if (this.random() < this.faults.loss) {
        this.lost++;
        continue;
      }
      const copies = this.random() < this.faults.duplicate ? 2 : 1;
      if (copies === 2) this.duplicated++;
      for (let i = 0; i < copies; i++) {
        this.scheduler.after(this.delay(), () => {
          this.delivered++;
          c.deliver(topic, payload);
        });
      }
    }
    void from;
  }
}

export class SimTransport extends LocalTransport {
  cutOff = false;
  private generation = 0;

  constructor(
    private readonly net: SimNetwork,
    readonly clientId: string,
  ) {
    super('connecting');
    this.reconnectSoon();
  }

  /** Every change of connection invalidates acknowledgements still on their way. */
  protected override stateChanged(): void {
    this.generation++;
  }

  /** Cut the client off the network (partition) or let it back. */
  setCutOff(cut: boolean): void {
    this.cutOff = cut;
    if (cut) this.setState('offline');
    else if (!this.net.brokerDown) this.reconnectSoon();
  }

  reconnectSoon(): void {
    const gen = this.generation;
    // like MQTT.js with reconnectPeriod 1000: back within a second of the network returning
    this.net.scheduler.after(this.net.reconnectDelay(), () => {
      if (gen === this.generation && !this.cutOff && !this.net.brokerDown) this.setState('online');
    });
  }

  publish(topic: string, payload: string): Promise<void> {
    if (this.state !== 'online') return Promise.reject(new Error('not connected'));
    const gen = this.generation;
    this.net.route(this, topic, payload);
    return new Promise((resolve, reject) => {
      this.net.scheduler.after(this.net.delay(), () => {
        // the acknowledgement is lost with the connection
        if (gen === this.generation && this.state === 'online') resolve();
        else reject(new Error('connection lost before acknowledgement'));
      });
    });
  }

  close(): Promise<void> {
    this.setState('offline');
    this.net.remove(this);
    return Promise.resolve();
  }
}
