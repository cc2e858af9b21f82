import type { MqttTransport, MqttTransportOptions } from './mqtt-transport.ts';
import { systemClock, type Clock, type ConnectionState } from './ports.ts';

/**
 * The MQTT transport with MQTT.js (the largest library of the app, ~90 KB gzipped) loaded
 * after the first screen: a device starts from IndexedDB and connects a moment later, so a
 * cheap tablet paints its first screen without parsing the MQTT client. Until the library is
 * loaded the transport is 'connecting' and publishes fail fast, exactly as while the broker
 * is unreachable: unsent events wait in the replica's durable outbox.
 */
export function createLazyMqttTransport(
  opts: MqttTransportOptions,
  /** Resolves when loading should start (e.g. after the first screen was shown). */
  whenToLoad: () => Promise<void>,
  /** Times the retries of a failed load. */
  clock: Clock = systemClock,
): MqttTransport {
  const subscriptions = new Set<string>();
  const messageHandlers: ((topic: string, payload: string, bytes: number) => void)[] = [];
  const stateHandlers: ((s: ConnectionState) => void)[] = [];
  let real: MqttTransport | undefined;
  let closed = false;
  let networkAvailable = true;
  // credentials renewed before the library is in (a re-enrollment) apply when it connects
  let options = opts;

  const loaded = (async (): Promise<MqttTransport | undefined> => {
    await whenToLoad();
    for (let attempt = 0; !closed; attempt++) {
      try {
        const { createMqttTransport } = await import('./mqtt-transport.ts');
        // the client connects in a task of its own: evaluating the library is one long task
        // already (about 125 ms at 4x CPU), and a customer's tap must get in between
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
        if (closed) return undefined;
        const t = createMqttTransport(options);
        for (const h of messageHandlers) t.onMessage(h);
        for (const h of stateHandlers) t.onStateChange(h);
        if (subscriptions.size > 0) void t.subscribe([...subscriptions]).catch(() => undefined);
        if (!networkAvailable) t.setNetworkAvailable(false);
        real = t;
        return t;
      } catch {
        // the chunk could not be fetched (no service worker cache yet, no network): retry
        await new Promise<void>((r) => clock.after(Math.min(30_000, 1000 * 2 ** attempt), r));
      }
    }
    return undefined;
  })();

  return {
    get state() {
      return real?.state ?? (networkAvailable ? 'connecting' : 'offline');
    },
    async publish(topic, payload, o) {
      if (!real) throw new Error('not connected');
      await real.publish(topic, payload, o);
    },
    async subscribe(list) {
      for (const t of list) subscriptions.add(t);
      if (real) await real.subscribe(list);
    },
    onMessage(handler) {
      messageHandlers.push(handler);
      real?.onMessage(handler);
    },
    onStateChange(handler) {
      stateHandlers.push(handler);
      real?.onStateChange(handler);
    },
    setNetworkAvailable(available) {
      if (available === networkAvailable) return;
      networkAvailable = available;
      if (real) real.setNetworkAvailable(available);
      else for (const h of stateHandlers) h(available ? 'connecting' : 'offline');
    },
    setCredentials(username, password) {
      if (real) real.setCredentials(username, password);
      else options = { ...options, username, password };
    },
    async close() {
      closed = true;
      const t = real ?? (await Promise.race([loaded, Promise.resolve(undefined)]));
      await t?.close();
    },
  };
}
