import { topicMatches } from '../memory-transport.ts';
import type { ConnectionState, Transport } from '../ports.ts';
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

export class SimTransport implements Transport {
  state: ConnectionState = 'connecting';
  cutOff = false;
  private readonly filters = new Set<string>();
  private readonly messageHandlers: ((topic: string, payload: string, bytes: number) => void)[] =
    [];
  private readonly stateHandlers: ((s: ConnectionState) => void)[] = [];
  private generation = 0;

  constructor(
    private readonly net: SimNetwork,
    readonly clientId: string,
  ) {
    this.reconnectSoon();
  }

  wants(topic: string): boolean {
    for (const f of this.filters) if (topicMatches(f, topic)) return true;
    return false;
  }

  deliver(topic: string, payload: string): void {
    if (this.state !== 'online') return;
    for (const h of this.messageHandlers) h(topic, payload, payload.length);
  }

  setState(s: ConnectionState): void {
    if (s === this.state) return;
    this.state = s;
    this.generation++;
    for (const h of this.stateHandlers) h(s);
  }

  /** Cut the client off the network (partition) or let it back. */
  setCutOff(cut: boolean): void {
    this.cutOff = cut;
    if (cut) this.setState('offline');
    else if (!this.net.brokerDown) this.reconnectSoon();
  }

  reconnectSoon(): void {
    const gen = this.generation;
    this.net.scheduler.after(this.net.delay() * 10, () => {
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

  subscribe(topics: readonly string[]): Promise<void> {
    for (const t of topics) this.filters.add(t);
    return Promise.resolve();
  }

  onMessage(handler: (topic: string, payload: string, bytes: number) => void): void {
    this.messageHandlers.push(handler);
  }

  onStateChange(handler: (s: ConnectionState) => void): void {
    this.stateHandlers.push(handler);
  }

  close(): Promise<void> {
    this.setState('offline');
    this.net.remove(this);
    return Promise.resolve();
  }
}
