import type { MqttTransportOptions } from '../../src/sync/mqtt-transport.ts';

/**
 * The one place where benchmark clients get their MQTT connection options: when the broker
 * asks devices for credentials, add them here (username/password) and every simulated
 * device, agent and probe in bench/ uses them.
 */
export function benchConnectOptions(
  url: string,
  clientId: string,
): Pick<MqttTransportOptions, 'url' | 'clientId' | 'username' | 'password'> {
  return { url, clientId };
}
