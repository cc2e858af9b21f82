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

/**
 * With a copy from an earlier visit, a start waits this long for the hub's answer: a hub
 * switched off (no answer at all, where an unplugged network fails at once) costs a restarted
 * tablet no more. The answer, when it comes, is kept for the next start, and a running device
 * follows the hub's config from the moment it connects (live-config.ts).
 */
const WITH_COPY_WAIT_MS = 500;

/** Fresh from the hub when it answers quickly; otherwise the copy from the last visit. */
export async function loadHubConfig(timeoutMs = 3000): Promise<HubConfig> {
  const asked = early ?? fetchHubConfig(timeoutMs);
  early = undefined;
  const copy = keptCopy();
  const fresh = await (copy
    ? Promise.race([asked, new Promise<undefined>((r) => setTimeout(r, WITH_COPY_WAIT_MS))])
    : asked);
  if (fresh) return fresh;
  if (copy) return copy;
  throw new ConfigUnavailableError();
}

function keptCopy(): HubConfig | undefined {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(CACHE_KEY) ?? 'null');
    return isHubConfig(parsed) ? parsed : undefined;
  } catch {
    return undefined; // a damaged copy is no copy
  }
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
