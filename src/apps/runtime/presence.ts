/**
 * Which devices are online, from the retained presence messages (DESIGN.md section 4):
 * `<prefix>/<store>/presence/<device>` = {"device","role","online","at"} and our extension
 * "offlineCapable". A device that vanishes has its last will published as offline by the broker.
 */
export interface PresenceEntry {
  readonly device: string;
  readonly role: string;
  readonly online: boolean;
  /** When the device said so (its own clock, ms). */
  readonly at: number;
  /** Whether it can start without the network; undefined while it does not know yet. */
  readonly offlineCapable?: boolean | undefined;
}

export interface PresenceFeed {
  list(): readonly PresenceEntry[];
  subscribe(listener: () => void): () => void;
}

export function parsePresence(topic: string, payload: string): PresenceEntry | undefined {
  const device = topic.slice(topic.lastIndexOf('/') + 1);
  try {
    const p = JSON.parse(payload) as Partial<Record<keyof PresenceEntry, unknown>>;
    if (typeof p.online !== 'boolean') return undefined;
    const at = typeof p.at === 'string' ? Date.parse(p.at) : NaN;
    return {
      device,
      role: typeof p.role === 'string' ? p.role.slice(0, 20) : '',
      online: p.online,
      at: Number.isFinite(at) ? at : 0,
      offlineCapable: typeof p.offlineCapable === 'boolean' ? p.offlineCapable : undefined,
    };
  } catch {
    return undefined;
  }
}

/** The latest presence per device, sorted online first, then by role and id. */
export class PresenceBook implements PresenceFeed {
  private readonly entries = new Map<string, PresenceEntry>();
  private readonly listeners = new Set<() => void>();
  private sorted: PresenceEntry[] = [];

  constructor(private readonly prefix: string) {}

  /** A message from the broker; anything not under the presence prefix is ignored. */
  receive(topic: string, payload: string): void {
    if (!topic.startsWith(this.prefix)) return;
    if (payload === '') {
      // a cleared retained message: the device is gone for good
      this.entries.delete(topic.slice(this.prefix.length));
    } else {
      const entry = parsePresence(topic, payload);
      if (!entry) return;
      this.entries.set(entry.device, entry);
    }
    this.sorted = [...this.entries.values()].sort(
      (a, b) =>
        Number(b.online) - Number(a.online) ||
        a.role.localeCompare(b.role) ||
        a.device.localeCompare(b.device),
    );
    for (const l of this.listeners) l();
  }

  list(): readonly PresenceEntry[] {
    return this.sorted;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
