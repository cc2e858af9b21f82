import { fileURLToPath } from 'node:url';
import { simulate } from '../src/domain/portable/engine.ts';
import { parseLog } from '../src/domain/portable/parse.ts';
import { replayEvents } from '../src/domain/portable/replay.ts';
import { serializeLog } from '../src/domain/portable/serialize.ts';
import { PortableToStore } from '../src/domain/portable/to-store.ts';
import type { StoreEvent } from '../src/domain/queue/events.ts';
import { wallOf } from '../src/domain/clock/hlc.ts';
import { accuracyReport, type AccuracyReport } from '../src/domain/reports/accuracy.ts';
import { buildDayRollup } from '../src/domain/reports/facts.ts';
import { WaitEstimator } from '../src/domain/wait/estimator.ts';
import { mergeResults } from './results.ts';
import { scenarios } from './wait/scenarios.ts';

/**
 * The accuracy audit on a generated week (`npm run bench:accuracy`): the wait benchmark's
 * realistic store days (bench/wait/scenarios.ts, "store-day": four services, six counters,
 * peaks, no-shows, leavers, transfers) simulated by the queue engine; each ticket carries the
 * promise the store's own estimator (src/domain/wait) made online at issue, as a kiosk records
 * it; then the same day rollups and accuracy report the hub serves. The first days warm the
 * estimator up (a store's model has history); the audit is over the last seven.
 */
const DAY = 86_400_000;

export function promisedDays(): { events: StoreEvent[]; days: string[] } {
  const scenario = scenarios().find((s) => s.id === 'store-day')!;
  const data = scenario.build(true);
  // through the portable format and its parser, as a real log would be (whole milliseconds)
  const log = parseLog(serializeLog(simulate(data.customers, data.shifts).events)).events;
  const promises = new Map(
    replayEvents(log, new WaitEstimator()).map((r) => [
      r.ticket,
      { sec: r.predictedSec, low: Math.min(r.lowSec, r.predictedSec), high: r.highSec },
    ]),
  );
  const convert = new PortableToStore('store-001', 'kiosk-1');
  const events = log.map((p, i) => {
    const e = convert.convert(p, i + 1);
    if (e.type !== 'ticket.issued') return e;
    const promised = promises.get(e.ticket);
    return promised
      ? { ...e, promised: { ...promised, high: Math.max(promised.high, promised.sec) } }
      : e;
  });
  const last = Math.floor(wallOf(events.at(-1)!.hlc) / DAY);
  const days = Array.from({ length: 7 }, (_, i) =>
    new Date((last - 6 + i) * DAY).toISOString().slice(0, 10),
  );
  return { events, days };
}

/** The generated week's rollups (UTC store days), as the hub's report store builds them. */
export function weekReport(by: 'day' | 'hour'): AccuracyReport {
  const { events, days } = promisedDays();
  const byDay = new Map<string, StoreEvent[]>();
  for (const e of events) {
    const day = new Date(wallOf(e.hlc)).toISOString().slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), e]);
  }
  const rollups = days.map((day, i) => {
    const start = Date.parse(`${day}T00:00:00Z`);
    return buildDayRollup(byDay.get(day) ?? [], byDay.get(days[i + 1] ?? '') ?? [], {
      day,
      timeZone: 'UTC',
      dayStart: start,
      dayEnd: start + DAY,
    });
  });
  return accuracyReport(rollups, by);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const byDay = weekReport('day');
  const t = byDay.total;
  console.log(
    `accuracy audit, generated week (store-day scenario, ${t.tickets} tickets, ${t.judged} promises judged):`,
  );
  console.log(
    `  inside the range ${t.insideRange}%, longer ${t.longerThanRange}%, shorter ${t.shorterThanRange}%; mean error ${t.meanErrorSec} s, mean absolute error ${t.meanAbsErrorSec} s (promised mean ${t.meanPromisedSec} s, waited ${t.meanWaitSec} s)`,
  );
  for (const r of byDay.rows) {
    console.log(
      `  ${r.key}: ${r.judged} judged, inside ${r.insideRange}%, mean error ${r.meanErrorSec} s`,
    );
  }
  console.log(
    `  days flagged (< 60% inside): ${byDay.lowCoverageDays.map((d) => d.day).join(', ') || 'none'}`,
  );
  mergeResults({ accuracyAudit: { total: t, days: byDay.rows, flagged: byDay.lowCoverageDays } });
}
