import { readFileSync } from 'node:fs';
import type { StoreConfig } from '../domain/config/types.ts';
import { haDiscoveryMessages } from '../domain/public/ha-discovery.ts';
import { HA_DISCOVERY_PREFIX, haTopics } from '../domain/topics/names.ts';
import type { Transport } from '../sync/ports.ts';
import type { Logger } from './log.ts';
import { resolveFromRepo } from './paths.ts';

/** Home Assistant's birth message: sent when it (re)starts, asking for discovery again. */
const HA_STATUS = haTopics.status;

/** The product's version, for the entities' device info. */
function productVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(resolveFromRepo('package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export interface HaDiscovery {
  /** The settings changed: new names and services; entities of removed services go. */
  setConfig(config: StoreConfig): void;
}

/**
 * Publishes the store's Home Assistant discovery configs (retained) when the config enables
 * them: on every connection to the broker, again when Home Assistant says it is back (its
 * retained configs may have been lost with a broker that keeps nothing), and when a manager
 * changes the settings (an entity whose service is gone is removed: an empty retained
 * config). One log line when it starts. Nothing at all when disabled.
 */
export function startHaDiscovery(opts: {
  readonly config: StoreConfig;
  readonly transport: Transport;
  readonly agentDevice: string;
  readonly log: Logger;
}): HaDiscovery {
  const { transport, log } = opts;
  const version = productVersion();
  const enabled = opts.config.mqtt.homeAssistant === true;
  const build = (config: StoreConfig) =>
    haDiscoveryMessages({
      config,
      prefix: config.mqtt.topicPrefix,
      agentDevice: opts.agentDevice,
      version,
    });
  let messages = enabled ? build(opts.config) : [];
  const publish = (topic: string, payload: string): void =>
    void transport.publish(topic, payload, { qos: 1, retain: true }).catch(() => undefined);
  const publishAll = (): void => {
    for (const m of messages) publish(m.topic, m.payload);
  };
  if (enabled) {
    log.info(
      'hass',
      `Home Assistant discovery: ${messages.length} entities for ${opts.config.services.length} services under ${HA_DISCOVERY_PREFIX}/`,
    );
    transport.onStateChange((s) => {
      if (s === 'online') publishAll();
    });
    transport.onMessage((topic, payload) => {
      if (topic === HA_STATUS && payload === 'online') publishAll();
    });
    void transport.subscribe([HA_STATUS]).catch(() => undefined);
    if (transport.state === 'online') publishAll();
  }
  return {
    setConfig(config) {
      // the mqtt section (the option itself included) changes only with a restart
      if (!enabled) return;
      const next = build(config);
      const kept = new Set(next.map((m) => m.topic));
      for (const m of messages) if (!kept.has(m.topic)) publish(m.topic, '');
      messages = next;
      publishAll();
    },
  };
}
