import type { StoreConfig } from '../../domain/config/types.ts';

/** The store configuration as the hub serves it, kept for starts without a network. */
export interface HubConfig {
  readonly config: StoreConfig;
  readonly broker: { readonly wsUrl: string };
  /** Changes with every settings change; older hubs lack it. */
  readonly version?: string;
  /** The hub's plain-HTTP page for setting up a tablet (its certificate); older hubs lack it. */
  readonly setup?: { readonly url: string };
}

const CACHE_KEY = 'nextup.hubConfig';

export class ConfigUnavailableError extends Error {
  constructor() {
    super('This device has never reached the store hub, so it has no store configuration yet.');
    this.name = 'ConfigUnavailableError';
  }
}

function isHubConfig(x: unknown): x is HubConfig {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as { config?: { store?: { id?: unknown } }; broker?: { wsUrl?: unknown } };
  return typeof o.config?.store?.id === 'string' && typeof o.broker?.wsUrl === 'string';
}

/** The question asked by src/boot.ts, for the runtime's first load to take. */
let early: Promise<HubConfig | undefined> | undefined;

/**
 * Asks the hub for its config as the page starts, while the app's scripts load: the device's
 * start waits for the answer (its database is named after the store), one round trip sooner.
 */
export function askHubConfigEarly(): void {
  early ??= fetchHubConfig();
}

/** Fresh from the hub when it answers quickly; otherwise the copy from the last visit. */
export async function loadHubConfig(timeoutMs = 3000): Promise<HubConfig> {
  const asked = early;
  early = undefined;
  const fresh = await (asked ?? fetchHubConfig(timeoutMs));
  if (fresh) return fresh;
  const cached = localStorage.getItem(CACHE_KEY);
  if (cached) {
    const parsed: unknown = JSON.parse(cached);
    if (isHubConfig(parsed)) return parsed;
  }
  throw new ConfigUnavailableError();
}

/** The hub's config, kept for the next start without a network; undefined if it did not answer. */
export async function fetchHubConfig(timeoutMs = 3000): Promise<HubConfig | undefined> {
  try {
    const res = await fetch('/api/config', {
      signal: AbortSignal.timeout(timeoutMs),
      cache: 'no-store',
    });
    if (res.ok) {
      const body: unknown = await res.json();
      if (isHubConfig(body)) {
        localStorage.setItem(CACHE_KEY, JSON.stringify(body));
        return body;
      }
    }
  } catch {
    // offline or hub down: the caller falls back
  }
  return undefined;
}

/** The setup page's address when the hub names a web address ('' or absent: none). */
export function setupPageUrl(hub: { readonly setup?: unknown }): string | undefined {
  const url = (hub.setup as { url?: unknown } | null | undefined)?.url;
  return typeof url === 'string' && /^https?:\/\/[^/]/i.test(url) ? url : undefined;
}

export function brokerUrlFor(hub: HubConfig, loc: Location): string {
  if (hub.broker.wsUrl) return hub.broker.wsUrl;
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/mqtt`;
}
