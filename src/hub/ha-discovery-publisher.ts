import { readFileSync } from 'node:fs';
import type { StoreConfig } from '../domain/config/types.ts';
import { haDiscoveryMessages } from '../domain/public/ha-discovery.ts';
import { HA_DISCOVERY_PREFIX } from '../domain/security/roles.ts';
import type { Transport } from '../sync/ports.ts';
import type { Logger } from './log.ts';
import { resolveFromRepo } from './paths.ts';

/** Home Assistant's birth message: sent when it (re)starts, asking for discovery again. */
const HA_STATUS = `${HA_DISCOVERY_PREFIX}/status`;

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

/**
 * Publishes the store's Home Assistant discovery configs (retained) when the config enables
 * them: on every connection to the broker, and again when Home Assistant says it is back
 * (its retained configs may have been lost with a broker that keeps nothing). One log line
 * when it starts. Nothing at all when disabled.
 */
export function startHaDiscovery(opts: {
  readonly config: StoreConfig;
  readonly transport: Transport;
  readonly agentDevice: string;
  readonly log: Logger;
}): void {
  const { config, transport, log } = opts;
  if (config.mqtt.homeAssistant !== true) return;
  const messages = haDiscoveryMessages({
    config,
    prefix: config.mqtt.topicPrefix,
    agentDevice: opts.agentDevice,
    version: productVersion(),
  });
  const publishAll = (): void => {
    for (const m of messages) {
      void transport.publish(m.topic, m.payload, { qos: 1, retain: true }).catch(() => undefined);
    }
  };
  log.info(
    'hass',
    `Home Assistant discovery: ${messages.length} entities for ${config.services.length} services under ${HA_DISCOVERY_PREFIX}/`,
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
