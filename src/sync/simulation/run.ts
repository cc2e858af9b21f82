import type { StoreConfig } from '../../domain/config/types.ts';
import {
  actOnCurrent,
  callNext,
  cancelTicket,
  issueTicket,
  openCounter,
  transferCurrent,
  type CommandResult,
} from '../../domain/queue/commands.ts';
import type { StoreEvent } from '../../domain/queue/events.ts';
import { waitingTickets } from '../../domain/queue/selectors.ts';
import type { QueueState } from '../../domain/queue/state.ts';
import { MemoryStorage } from '../memory-transport.ts';
import { Replica } from '../replica.ts';
import { NO_FAULTS, SimNetwork, type Faults, type SimTransport } from './network.ts';
import { prng, SimScheduler } from './scheduler.ts';

export interface SimOptions {
  readonly seed: number;
  /** Devices besides the agent: two kiosks, the rest clerks (3..8). */
  readonly devices: number;
  readonly operations: number;
  readonly faults: Faults;
  /** Chance, per operation, of each kind of trouble. */
  readonly partitionRate: number;
  readonly brokerRestartRate: number;
  readonly replicaRestartRate: number;
  /** Device clocks differ by up to this much (either way). */
  readonly maxSkewMs: number;
  /** Virtual time allowed for convergence after the network heals. */
  readonly healTimeoutMs?: number;
  /** Receives a line per check while healing, to see why a seed converges slowly. */
  readonly trace?: (line: string) => void;
}

export interface SimReport {
  readonly seed: number;
  readonly devices: number;
  readonly events: number;
  readonly tickets: number;
  readonly partitions: number;
  readonly brokerRestarts: number;
  readonly replicaRestarts: number;
  readonly messagesLost: number;
  readonly messagesDuplicated: number;
  /** Events committed somewhere that are missing from some replica after healing. */
  readonly lost: number;
  /** Display numbers held by more than one ticket. */
  readonly duplicateNumbers: number;
  readonly converged: boolean;
  /** Virtual time from heal until every replica held the same events and state. */
  readonly convergeMs: number;
  readonly problems: readonly string[];
}

const START = Date.UTC(2026, 10, 23, 8, 0, 0);
const SERVICES = ['advice', 'returns'] as const;

function simStore(devices: number): StoreConfig {
  const counters = Array.from({ length: Math.max(1, devices - 2) }, (_, i) => ({
    id: `c${i + 1}`,
    name: { en: `Counter ${i + 1}` },
    services: i % 2 === 0 ? ['advice', 'returns'] : ['advice'],
  }));
  return {
    store: {
      id: 'sim',
      name: { en: 'Sim' },
      timeZone: 'UTC',
      defaultLanguage: 'en',
      languages: ['en'],
    },
    services: [
      { id: 'advice', prefix: 'A', name: { en: 'Advice' }, targetWaitSec: 300, avgServiceSec: 240 },
      {
        id: 'returns',
        prefix: 'R',
        name: { en: 'Returns' },
        targetWaitSec: 300,
        avgServiceSec: 180,
      },
    ],
    counters,
    kiosks: [
      { id: 'kiosk-1', name: { en: 'K1' }, range: { from: 1, to: 499 } },
      { id: 'kiosk-2', name: { en: 'K2' }, range: { from: 500, to: 999 } },
    ],
    mqtt: { topicPrefix: 'nextup/v1', browserUrl: '' },
    // the simulation taps far faster than a lobby: the limit is not what it tests
    kiosk: { idleResetSec: 20, rateLimit: { maxTickets: 1000, windowSec: 60 } },
  };
}

interface Node {
  readonly id: string;
  readonly role: 'agent' | 'kiosk' | 'clerk';
  readonly storage: MemoryStorage;
  readonly skewMs: number;
  replica: Replica | undefined;
  transport: SimTransport | undefined;
  down: boolean;
  cut: boolean;
}

/** One deterministic chaos run: random work and faults, then heal and check the guarantees. */
export async function runSimulation(o: SimOptions): Promise<SimReport> {
  const random = prng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const scheduler = new SimScheduler(START);
  const net = new SimNetwork(scheduler, random);
  net.faults = o.faults;
  const cfg = simStore(o.devices);
  const root = { prefix: 'nextup/v1', store: 'sim' };
  const committed = new Map<string, StoreEvent>();
  const problems: string[] = [];
  const counts = { partitions: 0, brokerRestarts: 0, replicaRestarts: 0 };

  const nodes: Node[] = [
    { id: 'agent-sim', role: 'agent', storage: new MemoryStorage(), skewMs: 0 } as Node,
  ];
  for (let i = 0; i < o.devices; i++) {
    const role = i < 2 ? 'kiosk' : 'clerk';
    const skewMs = Math.round((random() * 2 - 1) * o.maxSkewMs);
    nodes.push({ id: `${role}-${i}`, role, storage: new MemoryStorage(), skewMs } as Node);
  }

  const start = async (n: Node): Promise<void> => {
    const transport = net.connect(n.id);
    n.transport = transport;
    n.down = false;
    if (n.cut) transport.setCutOff(true);
    n.replica = await Replica.open({
      root,
      device: n.id,
      timeZone: 'UTC',
      storage: n.storage,
      transport,
      clock: scheduler.clock(n.skewMs),
      role: n.role === 'agent' ? 'agent' : 'device',
      config: cfg,
    });
  };
  const stop = async (n: Node): Promise<void> => {
    n.down = true;
    await n.replica?.close();
    await n.transport?.close();
    n.replica = undefined;
    n.transport = undefined;
  };
  for (const n of nodes) await start(n);

  const devices = nodes.filter((n) => n.role !== 'agent');
  const kiosks = nodes.filter((n) => n.role === 'kiosk');
  const clerks = nodes.filter((n) => n.role === 'clerk');
  const counterOf = (n: Node): string => cfg.counters[clerks.indexOf(n) % cfg.counters.length]!.id;
  const run = async (
    n: Node,
    decide: (s: QueueState, at: number) => CommandResult,
  ): Promise<void> => {
    if (!n.replica) return;
    const out = await n.replica.run(decide);
    if (out.ok) committed.set(out.event.id, out.event);
  };

  await scheduler.runUntil(scheduler.now + 200);
  for (const c of clerks) {
    const counter = cfg.counters.find((x) => x.id === counterOf(c))!;
    await run(c, () => openCounter(counter.id, counter.services));
  }

  let ticketNo = 0;
  for (let op = 0; op < o.operations; op++) {
    await scheduler.runUntil(scheduler.now + Math.floor(random() * 1500));
    const r = random();
    if (r < 0.35) {
      const k = pick(kiosks);
      const kiosk = cfg.kiosks[kiosks.indexOf(k)]!;
      await run(k, (s) => issueTicket(s, cfg, kiosk, pick(SERVICES), `t${o.seed}x${ticketNo++}`));
    } else {
      const c = pick(clerks);
      const counter = counterOf(c);
      const services = cfg.counters.find((x) => x.id === counter)!.services;
      const kind = random();
      if (kind < 0.35) await run(c, (s, at) => callNext(s, counter, services, at));
      else if (kind < 0.55) await run(c, (s) => actOnCurrent(s, counter, 'ticket.completed'));
      else if (kind < 0.65) await run(c, (s) => actOnCurrent(s, counter, 'ticket.noShow'));
      else if (kind < 0.75) await run(c, (s) => actOnCurrent(s, counter, 'ticket.recalled'));
      else if (kind < 0.85) await run(c, (s) => transferCurrent(s, counter, pick(SERVICES), cfg));
      else {
        // a customer leaves the queue: cancelled from whichever device sees the ticket
        await run(c, (s) => {
          const t = waitingTickets(s)[0];
          return t ? cancelTicket(s, t.id) : { ok: false, error: 'unknownTicket' };
        });
      }
    }

    if (random() < o.partitionRate) {
      const n = pick(devices);
      n.cut = !n.cut;
      n.transport?.setCutOff(n.cut);
      if (n.cut) counts.partitions++;
    }
    if (random() < o.brokerRestartRate) {
      counts.brokerRestarts++;
      net.stopBroker();
      scheduler.after(500 + Math.floor(random() * 4000), () => net.startBroker());
    }
    if (random() < o.replicaRestartRate) {
      const n = pick(nodes);
      if (!n.down) {
        counts.replicaRestarts++;
        await stop(n);
        const back = 200 + Math.floor(random() * 5000);
        scheduler.after(back, () => {
          // healing may have brought it back already
          if (n.down) void start(n);
        });
      }
    }
  }

  // heal: everyone back, the network clean
  await scheduler.runUntil(scheduler.now + 6000);
  net.faults = NO_FAULTS;
  if (net.brokerDown) net.startBroker();
  for (const n of nodes) {
    if (n.down) await start(n);
    if (n.cut) {
      n.cut = false;
      n.transport?.setCutOff(false);
    }
  }
  const healedAt = scheduler.now;
  const timeout = o.healTimeoutMs ?? 60_000;
  let converged = false;
  while (scheduler.now - healedAt <= timeout) {
    await scheduler.runUntil(scheduler.now + 50);
    o.trace?.(`${scheduler.now - healedAt} ms after heal: ${describeDivergence(nodes, committed)}`);
    if (identical(nodes) && holdsAll(nodes, committed)) {
      converged = true;
      break;
    }
  }
  const convergeMs = scheduler.now - healedAt;

  let lost = 0;
  for (const n of nodes) {
    const held = new Set(n.replica!.events().map((e) => e.id));
    for (const id of committed.keys()) if (!held.has(id)) lost++;
  }
  const agentState = nodes[0]!.replica!.state;
  const numbers = [...agentState.tickets.values()].map((t) => t.number);
  const duplicateNumbers = numbers.length - new Set(numbers).size;
  if (!converged) problems.push(describeDivergence(nodes, committed));
  // every device here is honest: the plausibility checks must let all of it in
  for (const [id, reason] of agentState.refused)
    problems.push(`honest event ${id} refused: ${reason}`);
  for (const n of nodes) {
    if (n.role !== 'agent' && n.replica!.pending !== 0) {
      problems.push(`${n.id} still has ${n.replica!.pending} unacknowledged events`);
    }
  }

  const report: SimReport = {
    seed: o.seed,
    devices: o.devices,
    events: committed.size,
    tickets: agentState.tickets.size,
    ...counts,
    messagesLost: net.lost,
    messagesDuplicated: net.duplicated,
    lost,
    duplicateNumbers,
    converged,
    convergeMs,
    problems,
  };
  for (const n of nodes) await stop(n);
  return report;
}

function fingerprint(state: QueueState): string {
  const tickets = [...state.tickets.values()]
    .map((t) => `${t.id}:${t.number}:${t.service}:${t.status}:${t.counter ?? ''}:${t.recalls}`)
    .sort();
  const conflicts = state.conflicts.map((c) => `${c.eventId}:${c.reason}`).sort();
  return JSON.stringify([tickets, conflicts]);
}

function identical(nodes: readonly Node[]): boolean {
  const first = nodes[0]!.replica!;
  const vector = JSON.stringify(sorted(first.vector()));
  const state = fingerprint(first.state);
  // and each device knows it holds the store's view: its waits are shown again
  return nodes.every(
    (n) =>
      JSON.stringify(sorted(n.replica!.vector())) === vector &&
      fingerprint(n.replica!.state) === state &&
      n.replica!.freshness === 'current',
  );
}

function holdsAll(nodes: readonly Node[], committed: ReadonlyMap<string, StoreEvent>): boolean {
  const agent = nodes[0]!.replica!;
  const v = agent.vector();
  for (const e of committed.values()) if ((v[e.device] ?? 0) < e.seq) return false;
  return nodes.every((n) => n.role === 'agent' || n.replica!.pending === 0);
}

function sorted(v: Record<string, number>): [string, number][] {
  return Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1));
}

function describeDivergence(
  nodes: readonly Node[],
  committed: ReadonlyMap<string, StoreEvent>,
): string {
  return nodes
    .map((n) => {
      const r = n.replica!;
      return `${n.id}: ${r.eventCount}/${committed.size} events, vector ${JSON.stringify(sorted(r.vector()))}, pending ${r.pending} [${n.storage.outbox.slice(0, 3).join(',')}], ${r.connection}`;
    })
    .join('; ');
}
