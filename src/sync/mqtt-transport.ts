import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { ConnectionState, Transport } from './ports.ts';

export interface MqttTransportOptions {
  readonly url: string;
  readonly clientId: string;
  readonly username?: string;
  readonly password?: string;
  /** Retained message the broker publishes if this client vanishes (presence offline). */
  readonly will?: { topic: string; payload: string; retain: boolean };
  /** Published (retained) on every connection, e.g. presence online. */
  readonly hello?: () => { topic: string; payload: string; retain: boolean } | undefined;
  readonly reconnectMs?: number;
  /**
   * Node only: a PEM certificate to trust for mqtts (the hub's own). The name is not checked:
   * the agent reaches its own hub by whatever address it listens on.
   */
  readonly tlsCa?: string;
  /** The broker refused the user name or password (CONNACK 4 or 5). */
  readonly onAuthRefused?: () => void;
  /** The longest wait between tries while the broker refuses our credentials (default 60 s). */
  readonly authBackoffCapMs?: number;
}

const AUTH_BACKOFF_CAP_MS = 60_000;

/**
 * The wait before the next try after `refusals` refused CONNECTs in a row: doubling from the
 * usual period up to the cap. A password refused once may be fixed a moment later (a broker
 * rereading its files); one refused ten times will not be fixed within the second.
 */
export function authBackoffMs(refusals: number, baseMs: number, capMs: number): number {
  return Math.min(capMs, baseMs * 2 ** Math.min(refusals, 30));
}

/**
 * MQTT.js behind the Transport port. MQTT.js's own offline queue is bypassed on purpose:
 * unsent events live in the replica's durable outbox, so a publish while disconnected fails
 * fast instead of piling up in memory.
 */
export interface MqttTransport extends Transport {
  /**
   * The browser knows about a lost network before MQTT keep-alive does: drop the
   * connection at once when it goes offline, and reconnect as soon as it is back.
   */
  setNetworkAvailable(available: boolean): void;
  /** New credentials for the next connection (after the device enrolled again). */
  setCredentials(username: string, password: string): void;
}

export function createMqttTransport(opts: MqttTransportOptions): MqttTransport {
  const subscriptions = new Set<string>();
  const messageHandlers: ((topic: string, payload: string, bytes: number) => void)[] = [];
  const stateHandlers: ((s: ConnectionState) => void)[] = [];
  let state: ConnectionState = 'connecting';
  let paused = false;
  const reconnectMs = opts.reconnectMs ?? 1000;
  let refusals = 0;

  const setState = (s: ConnectionState): void => {
    if (s === state) return;
    state = s;
    for (const h of stateHandlers) h(s);
  };

  const options: IClientOptions = {
    clientId: opts.clientId,
    clean: true,
    resubscribe: false,
    reconnectPeriod: reconnectMs,
    // a refused password may be fixed meanwhile (a broker reloading its files, a new enrollment)
    reconnectOnConnackError: true,
    connectTimeout: 5000,
    keepalive: 15,
    queueQoSZero: false,
    protocolVersion: 4,
    ...(opts.username !== undefined ? { username: opts.username } : {}),
    ...(opts.password !== undefined ? { password: opts.password } : {}),
    ...(opts.tlsCa !== undefined
      ? { ca: opts.tlsCa, rejectUnauthorized: true, checkServerIdentity: () => undefined }
      : {}),
    ...(opts.will ? { will: { ...opts.will, qos: 1 as const } } : {}),
  };
  const client: MqttClient = mqtt.connect(opts.url, options);

  client.on('connect', () => {
    refusals = 0;
    // a TCP socket (Node): each message goes out whole at once (see src/hub/broker.ts)
    (client.stream as { setNoDelay?: (on: boolean) => unknown }).setNoDelay?.(true);
    client.options.reconnectPeriod = reconnectMs;
    void (async () => {
      try {
        if (subscriptions.size > 0) await client.subscribeAsync([...subscriptions], { qos: 1 });
        const hello = opts.hello?.();
        if (hello)
          await client.publishAsync(hello.topic, hello.payload, { qos: 1, retain: hello.retain });
        setState('online');
      } catch {
        // the connection dropped while setting up; 'close' follows and reconnect retries
      }
    })();
  });
  client.on('reconnect', () => setState('connecting'));
  client.on('close', () => setState('offline'));
  client.on('offline', () => setState('offline'));
  // errors are followed by close/reconnect; the replica reports what matters
  client.on('error', (err) => {
    const code = (err as { code?: unknown }).code;
    if (code === 4 || code === 5 || code === 134 || code === 135) {
      // read by MQTT.js when it schedules the next try, right after this event
      refusals++;
      client.options.reconnectPeriod = authBackoffMs(
        refusals,
        reconnectMs,
        opts.authBackoffCapMs ?? AUTH_BACKOFF_CAP_MS,
      );
      opts.onAuthRefused?.();
    }
  });
  client.on('message', (topic, payload) => {
    const text = payload.toString();
    for (const h of messageHandlers) h(topic, text, payload.length);
  });

  return {
    get state() {
      return state;
    },
    async publish(topic, payload, { qos, retain }) {
      if (!client.connected) throw new Error('not connected');
      await client.publishAsync(topic, payload, { qos, retain: retain ?? false });
    },
    async subscribe(list) {
      for (const t of list) subscriptions.add(t);
      if (client.connected) await client.subscribeAsync([...list], { qos: 1 });
    },
    onMessage(handler) {
      messageHandlers.push(handler);
    },
    onStateChange(handler) {
      stateHandlers.push(handler);
    },
    setNetworkAvailable(available) {
      if (!available && !paused) {
        paused = true;
        client.end(true);
        setState('offline');
      } else if (available && paused) {
        paused = false;
        client.reconnect();
      }
    },
    setCredentials(username, password) {
      client.options.username = username;
      client.options.password = password;
    },
    async close() {
      await client.endAsync(true);
      setState('offline');
    },
  };
}
