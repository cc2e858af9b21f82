import type { Transport } from '../../sync/ports.ts';
import { fetchHubConfig, type HubConfig } from './config-source.ts';

/**
 * Keeps a device's config in step with the hub's while it runs: the store agent keeps the
 * config's version on a retained topic (src/hub/agent.ts); a version other than the one this
 * device holds is fetched from /api/config and handed to `apply`. One fetch at a time; a
 * version heard meanwhile is fetched after it. A config for another store is left alone
 * (the device's storage is that store's: a restart decides).
 */
export function followHubConfig(opts: {
  readonly transport: Pick<Transport, 'onMessage' | 'subscribe'>;
  readonly topic: string;
  readonly current: () => HubConfig;
  readonly apply: (fresh: HubConfig) => void;
  readonly fetch?: () => Promise<HubConfig | undefined>;
}): void {
  const fetchConfig = opts.fetch ?? (() => fetchHubConfig());
  let wanted: string | undefined;
  let fetching = false;

  const catchUp = async (): Promise<void> => {
    fetching = true;
    try {
      while (wanted !== undefined && wanted !== opts.current().version) {
        const asked = wanted;
        const fresh = await fetchConfig();
        if (!fresh) return; // the hub is away: the retained version comes again on reconnect
        if (fresh.config.store.id === opts.current().config.store.id) opts.apply(fresh);
        if (wanted === asked) return;
      }
    } finally {
      fetching = false;
    }
  };

  opts.transport.onMessage((topic, payload) => {
    if (topic !== opts.topic) return;
    const version = versionOf(payload);
    if (version === undefined) return;
    wanted = version;
    if (!fetching) void catchUp();
  });
  void opts.transport.subscribe([opts.topic]).catch(() => undefined);
}

function versionOf(payload: string): string | undefined {
  try {
    const body = JSON.parse(payload) as { version?: unknown } | null;
    return typeof body?.version === 'string' ? body.version : undefined;
  } catch {
    return undefined;
  }
}
