import { simulate, type CounterShift, type SimCustomer, type SimVisit } from './engine.ts';
import { applySchedule, describeChange, type ScheduleChange } from './schedule.ts';
import { formatClockTime, LocalClock } from './time.ts';
import type { PortableEvent } from './types.ts';

/**
 * "What if" for managers: re-simulate a day (or several) of a real log with the same customers
 * (arrival times, services, time at the counter, no-shows, transfers, patience of those who
 * left) under another counter schedule, and compare waits per service and hour.
 *
 * Both the current schedule and the new one are re-simulated with the same rules (a free
 * counter calls the first ticket in line among its services), so the comparison isolates
 * the schedule. The log's own waits are reported too. Assumptions, stated in the report:
 * customers who were served would have waited as long as needed; customers who left are given
 * their observed patience and, if now served, the counter time of a served customer of the
 * same service (drawn reproducibly); counters open after the day's last arrival finish their
 * lines before closing.
 */
export interface WhatIfOptions {
  /** IANA time zone for hours and schedule times. Default UTC. */
  readonly timeZone?: string;
  /** Target wait per service, s (kiosk-config `targetWaitSec`). */
  readonly targetSec?: Readonly<Record<string, number>>;
  /** Target for services without one, s. Default 600. */
  readonly defaultTargetSec?: number;
}

export interface WaitStats {
  /** Customers issued. */
  readonly customers: number;
  /** Of them, called. */
  readonly called: number;
  /** Of them, left before being called. */
  readonly left: number;
  readonly avgWaitSec: number;
  readonly p90WaitSec: number;
  /** Share of the customers issued who were called within the target. */
  readonly withinTarget: number;
}

export interface WhatIfRow {
  readonly service: string;
  /** Local hour of issue, 0-23; -1 for the whole day. */
  readonly hour: number;
  readonly targetSec: number;
  readonly logged: WaitStats;
  readonly current: WaitStats;
  readonly whatIf: WaitStats;
}

export interface WhatIfReport {
  readonly days: readonly string[];
  readonly changes: readonly string[];
  readonly rows: readonly WhatIfRow[];
  /** Customers whose counter time had to be drawn from others (never served in the log). */
  readonly imputed: number;
  readonly assumptions: readonly string[];
}

interface Extracted {
  readonly customers: SimCustomer[];
  readonly shifts: CounterShift[];
  /** First call time in the log per customer (NaN if none). */
  readonly loggedCall: Float64Array;
  readonly loggedLeft: Uint8Array;
  readonly imputed: number;
}

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Customers and counter shifts as they were in the log. */
export function extractDay(events: readonly PortableEvent[], clock: LocalClock): Extracted {
  interface Rec {
    readonly c: {
      ticket: string;
      number?: string;
      service: string;
      arrival: number;
      patienceMs: number;
      priority?: boolean;
    };
    visits: SimVisit[];
    callAt: number;
    counter?: string;
    startAt: number;
    recalls: number[];
    firstCall: number;
    left: boolean;
    waiting: boolean;
  }
  const recs = new Map<string, Rec>();
  const order: Rec[] = [];
  interface Open {
    services: Set<string>;
    from: number;
    implicit: boolean;
  }
  const open = new Map<string, Open>();
  const shifts: CounterShift[] = [];
  const lastAt = events.length ? events[events.length - 1]!.at : 0;
  const closeShift = (id: string, at: number): void => {
    const o = open.get(id);
    if (!o) return;
    open.delete(id);
    if (at > o.from) shifts.push({ counter: id, services: [...o.services], from: o.from, to: at });
  };
  const endVisit = (r: Rec, at: number, outcome: SimVisit['outcome'], toService?: string): void => {
    if (!Number.isFinite(r.callAt)) return;
    r.visits.push({
      durationMs: Math.max(1, at - r.callAt),
      outcome,
      ...(toService !== undefined ? { toService } : {}),
      ...(Number.isFinite(r.startAt) ? { startAfterMs: r.startAt - r.callAt } : {}),
      ...(r.recalls.length ? { recallsMs: r.recalls.map((x) => x - r.callAt) } : {}),
    });
    r.callAt = NaN;
    r.startAt = NaN;
    r.recalls = [];
  };
  for (const e of events) {
    if (e.type === 'counter.opened') {
      closeShift(e.counter, e.at);
      open.set(e.counter, { services: new Set(e.services), from: e.at, implicit: false });
      continue;
    }
    if (e.type === 'counter.closed') {
      closeShift(e.counter, e.at);
      continue;
    }
    if (e.type === 'ticket.issued') {
      if (recs.has(e.ticket)) continue;
      const r: Rec = {
        c: {
          ticket: e.ticket,
          ...(e.number !== undefined ? { number: e.number } : {}),
          service: e.service,
          arrival: e.at,
          patienceMs: Infinity,
          ...(e.priority ? { priority: true } : {}),
        },
        visits: [],
        callAt: NaN,
        startAt: NaN,
        recalls: [],
        firstCall: NaN,
        left: false,
        waiting: true,
      };
      recs.set(e.ticket, r);
      order.push(r);
      continue;
    }
    // bookings (an extension) do not change the re-simulated customers: a booked customer is
    // re-simulated from their ticket like any other
    if (e.type === 'appointment.booked' || e.type === 'appointment.cancelled') continue;
    const r = recs.get(e.ticket);
    if (!r) continue;
    switch (e.type) {
      case 'ticket.called': {
        if (!r.waiting) break;
        r.waiting = false;
        r.callAt = e.at;
        if (!Number.isFinite(r.firstCall)) r.firstCall = e.at;
        const counter = e.counter;
        if (counter !== undefined) {
          r.counter = counter;
          const o = open.get(counter);
          const service =
            r.visits.length === 0
              ? r.c.service
              : (r.visits[r.visits.length - 1]!.toService ?? r.c.service);
          if (!o) open.set(counter, { services: new Set([service]), from: e.at, implicit: true });
          else if (o.implicit) o.services.add(service);
        }
        break;
      }
      case 'ticket.recalled':
        if (Number.isFinite(r.callAt)) r.recalls.push(e.at);
        break;
      case 'ticket.started':
        if (Number.isFinite(r.callAt)) r.startAt = e.at;
        break;
      case 'ticket.completed':
        endVisit(r, e.at, 'completed');
        break;
      case 'ticket.noShow':
        endVisit(r, e.at, 'noShow');
        break;
      case 'ticket.transferred':
        endVisit(r, e.at, 'transferred', e.toService);
        r.waiting = true;
        break;
      case 'ticket.cancelled':
        if (r.waiting && !Number.isFinite(r.firstCall)) {
          r.c.patienceMs = e.at - r.c.arrival;
          r.left = true;
        } else if (Number.isFinite(r.callAt)) {
          endVisit(r, e.at, 'noShow');
        }
        r.waiting = false;
        break;
    }
  }
  for (const id of [...open.keys()]) closeShift(id, lastAt);

  // Shifts still open after the day's last arrival (closing time) finish their lines.
  const lastArrival = new Map<string, number>();
  for (const r of order) {
    const day = clock.dayKey(r.c.arrival);
    lastArrival.set(day, Math.max(lastArrival.get(day) ?? -Infinity, r.c.arrival));
  }
  shifts.forEach((s, i) => {
    if (s.to >= (lastArrival.get(clock.dayKey(s.from)) ?? Infinity))
      shifts[i] = { ...s, drain: true };
  });

  // Customers never served in the log get the visits of a served customer of the same service.
  const served = new Map<string, SimVisit[][]>();
  for (const r of order) {
    if (r.visits.length > 0 && r.visits[r.visits.length - 1]!.outcome !== 'transferred') {
      const l = served.get(r.c.service) ?? [];
      l.push(r.visits);
      served.set(r.c.service, l);
    }
  }
  const allServed = [...served.values()].flat();
  let imputed = 0;
  const customers: SimCustomer[] = [];
  const loggedCall = new Float64Array(order.length);
  const loggedLeft = new Uint8Array(order.length);
  order.forEach((r, i) => {
    let visits = r.visits;
    // A visit still open at the end of the log, or a transfer without its next visit: drop it.
    if (visits.length > 0 && visits[visits.length - 1]!.outcome === 'transferred') {
      visits = [...visits.slice(0, -1), { ...visits[visits.length - 1]!, outcome: 'completed' }];
    }
    if (visits.length === 0) {
      const pool = served.get(r.c.service) ?? allServed;
      const pick = pool.length
        ? pool[hash(r.c.ticket) % pool.length]!
        : [{ durationMs: 300_000, outcome: 'completed' } as SimVisit];
      visits = pick;
      imputed++;
    }
    customers.push({ ...r.c, visits });
    loggedCall[i] = r.firstCall;
    loggedLeft[i] = r.left ? 1 : 0;
  });
  return { customers, shifts, loggedCall, loggedLeft, imputed };
}

function stats(waits: number[], customers: number, left: number, targetSec: number): WaitStats {
  const sorted = waits.sort((a, b) => a - b);
  const n = sorted.length;
  const avg = n ? sorted.reduce((a, b) => a + b, 0) / n : NaN;
  const p90 = n ? sorted[Math.min(n - 1, Math.ceil(0.9 * n) - 1)]! : NaN;
  let within = 0;
  for (const w of sorted) if (w <= targetSec) within++;
  return {
    customers,
    called: n,
    left,
    avgWaitSec: avg,
    p90WaitSec: p90,
    withinTarget: customers ? within / customers : NaN,
  };
}

/** Runs the what-if: the log's day(s) under the current and the changed schedule. */
export function whatIf(
  events: readonly PortableEvent[],
  changes: readonly ScheduleChange[],
  options: WhatIfOptions = {},
): WhatIfReport {
  const clock = new LocalClock(options.timeZone ?? 'UTC');
  const x = extractDay(events, clock);
  const days = [...new Set(x.customers.map((c) => clock.dayKey(c.arrival)))].sort();
  const current = simulate(x.customers, x.shifts);
  const changed = simulate(x.customers, applySchedule(x.shifts, changes, days, clock));
  const target = (s: string): number => options.targetSec?.[s] ?? options.defaultTargetSec ?? 600;

  type Acc = { waits: number[]; left: number; n: number };
  const groups = new Map<string, { service: string; hour: number; acc: [Acc, Acc, Acc] }>();
  const fresh = (): [Acc, Acc, Acc] => [
    { waits: [], left: 0, n: 0 },
    { waits: [], left: 0, n: 0 },
    { waits: [], left: 0, n: 0 },
  ];
  x.customers.forEach((c, i) => {
    const hour = clock.hourOf(c.arrival);
    for (const h of [hour, -1]) {
      const key = `${c.service}|${h}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { service: c.service, hour: h, acc: fresh() }));
      const sources: [number, boolean][] = [
        [x.loggedCall[i]!, x.loggedLeft[i] === 1],
        [current.firstCall[i]!, current.abandoned[i] === 1],
        [changed.firstCall[i]!, changed.abandoned[i] === 1],
      ];
      sources.forEach(([call, left], k) => {
        const a = g.acc[k]!;
        a.n++;
        if (left) a.left++;
        if (Number.isFinite(call)) a.waits.push((call - c.arrival) / 1000);
      });
    }
  });
  const rows = [...groups.values()]
    .sort((a, b) =>
      a.service < b.service
        ? -1
        : a.service > b.service
          ? 1
          : (a.hour < 0 ? 99 : a.hour) - (b.hour < 0 ? 99 : b.hour),
    )
    .map((g) => {
      const t = target(g.service);
      const [l, c, w] = g.acc.map((a) => stats(a.waits, a.n, a.left, t)) as [
        WaitStats,
        WaitStats,
        WaitStats,
      ];
      return { service: g.service, hour: g.hour, targetSec: t, logged: l, current: c, whatIf: w };
    });
  return {
    days,
    changes: changes.map(describeChange),
    rows,
    imputed: x.imputed,
    assumptions: [
      'both schedules re-simulated: a free counter calls the first ticket in line among its services (priority first)',
      'same arrivals, services, counter times, no-shows and transfers as logged',
      'customers who left keep their observed patience; served customers wait as long as needed',
      `counter time of ${x.imputed} customer(s) never served in the log drawn from served customers of the same service`,
      'counters open after the last arrival of the day finish their lines',
    ],
  };
}

const min = (sec: number): string => (Number.isFinite(sec) ? (sec / 60).toFixed(1) : '-');
const pct = (x: number): string => (Number.isFinite(x) ? `${Math.round(100 * x)}%` : '-');

/** The report as aligned text lines (for `npx nextup whatif`). */
export function formatWhatIfReport(r: WhatIfReport): string[] {
  const out: string[] = [];
  out.push(`What if: ${r.changes.length ? r.changes.join('; ') : '(no change)'}`);
  out.push(`Days: ${r.days.join(', ') || '(none)'}`);
  out.push('Waits in minutes, "now -> what if" (both simulated; "logged" = as in the log).');
  const header = [
    'service',
    'hour',
    'customers',
    'logged avg',
    'avg wait',
    'p90 wait',
    'within target',
    'left',
  ];
  const table: string[][] = [header];
  for (const row of r.rows) {
    const arrow = (a: string, b: string): string => `${a} -> ${b}`;
    table.push([
      row.service,
      row.hour < 0 ? 'day' : `${formatClockTime(row.hour * 60)}`,
      String(row.current.customers),
      min(row.logged.avgWaitSec),
      arrow(min(row.current.avgWaitSec), min(row.whatIf.avgWaitSec)),
      arrow(min(row.current.p90WaitSec), min(row.whatIf.p90WaitSec)),
      `${arrow(pct(row.current.withinTarget), pct(row.whatIf.withinTarget))} (${min(row.targetSec)})`,
      arrow(String(row.current.left), String(row.whatIf.left)),
    ]);
  }
  const widths = header.map((_, i) => Math.max(...table.map((t) => t[i]!.length)));
  for (const t of table)
    out.push(
      t
        .map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
        .join('  ')
        .trimEnd(),
    );
  out.push('Assumptions:');
  for (const a of r.assumptions) out.push(`- ${a}`);
  return out;
}
