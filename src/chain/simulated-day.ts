/**
 * A busy store day as events, for the chain's tests and benchmark: a kiosk issues tickets for two
 * services, clerks at three counters call, start and complete them (some no-shows), run a short
 * visit with the customer's rating, and now and then ask for a manager. Deterministic for a seed;
 * every event passes the domain's validator and follows the fold's rules (no conflicting calls).
 */
import { encodeHlc } from '../domain/clock/hlc.ts';
import { eventId, type EventBody, type StoreEvent } from '../domain/queue/events.ts';
import type { Satisfaction } from '../domain/visit/types.ts';
import { prng } from '../domain/random/prng.ts';

export interface SimulatedDayOptions {
  readonly store: string;
  /** The day's tickets are issued between `from` and `to` (ms), evenly with some jitter. */
  readonly from: number;
  readonly to: number;
  readonly tickets: number;
  readonly seed?: number;
  /** Events after this moment are left out (a day still under way): default `to` plus 1 h. */
  readonly until?: number;
}

const SERVICES = ['A', 'B'] as const;
const COUNTERS = ['c1', 'c2', 'c3'] as const;
const SATISFACTIONS: readonly Satisfaction[] = ['good', 'good', 'good', 'neutral', 'bad'];

interface Draft {
  readonly device: string;
  readonly at: number;
  readonly body: EventBody;
}

/** The day's events in the log's order (wall time, then device), with per-device sequences. */
export function simulatedDay(opts: SimulatedDayOptions): StoreEvent[] {
  const rnd = prng(opts.seed ?? 1);
  const drafts: Draft[] = [];
  const add = (device: string, at: number, body: EventBody) =>
    drafts.push({ device, at: Math.round(at), body });
  for (const [i, counter] of COUNTERS.entries()) {
    add(`clerk-${i + 1}`, opts.from - 60_000, {
      type: 'counter.opened',
      counter,
      services: [...SERVICES],
    });
  }
  // each counter is free again at this moment
  const freeAt = COUNTERS.map(() => opts.from);
  const numbers = new Map<string, number>();
  const step = (opts.to - opts.from) / Math.max(1, opts.tickets);
  for (let i = 0; i < opts.tickets; i++) {
    const issuedAt = opts.from + i * step + rnd() * step * 0.9;
    const service = SERVICES[rnd() < 0.7 ? 0 : 1];
    const n = (numbers.get(service) ?? 0) + 1;
    numbers.set(service, n);
    const ticket = `${opts.store}-${opts.seed ?? 1}-t${i + 1}`;
    add('kiosk-1', issuedAt, {
      type: 'ticket.issued',
      ticket,
      service,
      number: `${service}${String(n).padStart(3, '0')}`,
      n,
    });
    if (rnd() < 0.04) {
      add('kiosk-1', issuedAt + 120_000 + rnd() * 300_000, { type: 'ticket.cancelled', ticket });
      continue;
    }
    // the counter free first calls the ticket
    const c = freeAt.indexOf(Math.min(...freeAt));
    const counter = COUNTERS[c]!;
    const clerk = `clerk-${c + 1}`;
    const calledAt = Math.max(issuedAt + 15_000, freeAt[c]!) + rnd() * 20_000;
    add(clerk, calledAt, { type: 'ticket.called', ticket, counter });
    if (rnd() < 0.08) {
      add(clerk, calledAt + 90_000, { type: 'ticket.noShow', ticket, counter });
      freeAt[c] = calledAt + 90_000;
      continue;
    }
    const startedAt = calledAt + 20_000 + rnd() * 40_000;
    const doneAt = startedAt + 120_000 + rnd() * 360_000;
    add(clerk, startedAt, { type: 'ticket.started', ticket, counter });
    visit(add, { clerk, counter, ticket, startedAt, doneAt, rnd, id: `${ticket}-v` });
    add(clerk, doneAt, { type: 'ticket.completed', ticket, counter });
    if (rnd() < 0.03) {
      add(clerk, doneAt - 30_000, {
        type: 'alert.raised',
        alert: `${ticket}-alert`,
        kind: 'manager',
        counter,
        reason: 'Customer asks for a manager',
      });
    }
    freeAt[c] = doneAt + 10_000;
  }
  const until = opts.until ?? opts.to + 3_600_000;
  return sequenced(
    opts.store,
    drafts.filter((d) => d.at <= until),
  );
}

function visit(
  add: (device: string, at: number, body: EventBody) => void,
  v: {
    clerk: string;
    counter: string;
    ticket: string;
    startedAt: number;
    doneAt: number;
    rnd: () => number;
    id: string;
  },
): void {
  const span = v.doneAt - v.startedAt;
  const steps = [
    ['greeting', 0],
    ['assisting', 0.1],
    ['checkingOut.paying', 0.7],
    ['thanking', 0.9],
    ['done', 0.99],
  ] as const;
  steps.forEach(([step, share], i) => {
    const at = Math.round(v.startedAt + span * share);
    add(v.clerk, at, {
      type: 'visit.step',
      visit: v.id,
      clerk: v.clerk,
      counter: v.counter,
      ticket: v.ticket,
      step,
      n: i + 1,
      at,
    });
  });
  const satisfaction = SATISFACTIONS[Math.floor(v.rnd() * SATISFACTIONS.length)]!;
  const nps = v.rnd() < 0.6 ? Math.floor(v.rnd() * 11) : undefined;
  add(v.clerk, v.startedAt + span * 0.95, {
    type: 'visit.feedback',
    visit: v.id,
    clerk: v.clerk,
    satisfaction,
    ...(nps !== undefined ? { nps } : {}),
  });
}

/** Orders the drafts by time and gives each device its sequence and a hybrid clock. */
function sequenced(store: string, drafts: Draft[]): StoreEvent[] {
  drafts.sort((a, b) => a.at - b.at || (a.device < b.device ? -1 : a.device > b.device ? 1 : 0));
  const seqs = new Map<string, number>();
  const lastWall = new Map<string, number>();
  return drafts.map((d) => {
    const seq = (seqs.get(d.device) ?? 0) + 1;
    seqs.set(d.device, seq);
    // one device's clock never repeats a wall time: the counter part tells them apart
    const counter = lastWall.get(d.device) === d.at ? seq : 0;
    lastWall.set(d.device, d.at);
    return {
      id: eventId(d.device, seq),
      store,
      device: d.device,
      seq,
      hlc: encodeHlc({ wall: d.at, counter }),
      ...d.body,
    };
  });
}
