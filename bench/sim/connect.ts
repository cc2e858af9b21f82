import type { MqttTransportOptions } from '../../src/sync/mqtt-transport.ts';

/** What an enrolled device presents to the broker (test/support/hub.ts deviceCredentials). */
export interface BenchCredentials {
  readonly clientId: string;
  readonly username: string;
  readonly password: string;
}

/**
 * The one place where benchmark clients get their MQTT connection options. Both brokers run
 * as in production (authentication, per-role ACL), so every simulated device connects as an
 * enrolled device: client id = user name = its role-prefixed device id, password = its secret.
 */
export function benchConnectOptions(
  url: string,
  who: BenchCredentials,
): Pick<MqttTransportOptions, 'url' | 'clientId' | 'username' | 'password'> {
  return { url, clientId: who.clientId, username: who.username, password: who.password };
}
