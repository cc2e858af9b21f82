/**
 * Owns the two roles a replica plays, as data: the hub's agent (the durable history, the only
 * judge, answers every device) and a device (a tablet or kiosk, helps the agent with its own
 * events). The protocol and its driver read these fields instead of asking "am I the agent?".
 */
export interface ReplicaPolicy {
  readonly role: 'agent' | 'device';
  /** On its anti-entropy tick: the agent announces its vector; a device asks for what it lacks. */
  readonly onTick: 'announce' | 'ask';
  /** Answers a peer's vector with its own (the agent's vector is every device's ack). */
  readonly announcesOnVector: boolean;
  /** Whose announcements it answers with events, and with which: all it holds, or its own. */
  readonly answers: { readonly to: 'everyone' | 'agent'; readonly part: 'all' | 'own' };
  /** Takes the agent's clock as the store's time when its own is notably off. */
  readonly followsAgentClock: boolean;
  /** Reports peers whose clocks are off (the agent, which sees everyone's). */
  readonly reportsPeerSkew: boolean;
  /**
   * What happens to an implausible event: the agent refuses it for good with a verdict; a
   * device holds it back until the agent has ruled.
   */
  readonly implausible: 'refuse' | 'holdBack';
  /** Keeps peers' events of days older than it holds (the hub's history). */
  readonly keepsOldDays: boolean;
  /** Refolds at once when events arrive out of order (it publishes from its state at once). */
  readonly refoldsAtOnce: boolean;
  /** Tells the agent from which day on it keeps events (the agent answers with floors). */
  readonly announcesSince: boolean;
  /** Acknowledges stored events, and resends of what it holds, by announcing its vector. */
  readonly acknowledges: boolean;
}

export const AGENT_POLICY: ReplicaPolicy = {
  role: 'agent',
  onTick: 'announce',
  announcesOnVector: true,
  answers: { to: 'everyone', part: 'all' },
  followsAgentClock: false,
  reportsPeerSkew: true,
  implausible: 'refuse',
  keepsOldDays: true,
  refoldsAtOnce: true,
  announcesSince: false,
  acknowledges: true,
};

export const DEVICE_POLICY: ReplicaPolicy = {
  role: 'device',
  onTick: 'ask',
  announcesOnVector: false,
  // only the agent relays other devices' events: receivers refuse a relay from anyone else
  // (src/domain/security/provenance.ts), so a peer cannot forge another device's events
  answers: { to: 'agent', part: 'own' },
  followsAgentClock: true,
  reportsPeerSkew: false,
  implausible: 'holdBack',
  keepsOldDays: false,
  refoldsAtOnce: false,
  announcesSince: true,
  acknowledges: false,
};

export const policyFor = (role: 'agent' | 'device' | undefined): ReplicaPolicy =>
  role === 'agent' ? AGENT_POLICY : DEVICE_POLICY;

export const isAgent = (device: string): boolean => device.startsWith('agent-');
