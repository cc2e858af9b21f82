import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dayKey, startOfDay, startOfDaysBack } from '../domain/queue/day.ts';
import type { StoreEvent } from '../domain/queue/events.ts';
import { decodeRollup, encodeRollup, type EncodedRollup } from '../domain/reports/encode.ts';
import { buildDayRollup, type DayRollup } from '../domain/reports/facts.ts';
import { addDays, daysBetween } from '../domain/reports/request.ts';

/** What the rollup cache reads: the hub's day files (EventFileStore). */
export interface DayReader {
  readDay(day: string): Promise<StoreEvent[]>;
}

interface Cached {
  readonly key: string;
  readonly nextKey: string;
  readonly rollup: DayRollup;
  /** When today's rollup was built: it covers the day up to then (see TODAY_FRESH_MS). */
  readonly builtAt?: number;
}

/**
 * Today's rollup covers the day up to when it was built (counters open until then, later hours
 * without a figure): it is built again after this long even when no event arrived.
 */
const TODAY_FRESH_MS = 60_000;

/** A cache file: the keys of the day files it was built from, and the rollup, compact. */
interface CacheFile {
  readonly key: string;
  readonly nextKey: string;
  readonly rollup: EncodedRollup;
}

/**
 * Day rollups for reports, cached in memory and, for closed days, on disk next to the history
 * (`<store>/reports/<day>.json`). A rollup is valid while its day file is unchanged (size and
 * modification time), and, when it had to read the next day to finish its tickets, while that
 * file is unchanged too; so late events, an import or today's traffic rebuild just those days.
 */
export class ReportStore {
  private readonly memory = new Map<string, Cached>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly storeDir: string,
    private readonly timeZone: string,
    private readonly reader: DayReader,
    private readonly now: () => number = Date.now,
  ) {}

  today(): string {
    return dayKey(this.now(), this.timeZone);
  }

  /**
   * Rollups of the days from `from` to `to` (inclusive), built where missing. One build runs at
   * a time; `onProgress` hears (done, total) days.
   */
  rollups(
    from: string,
    to: string,
    onProgress?: (done: number, total: number) => void,
  ): Promise<DayRollup[]> {
    const run = this.queue.then(() => this.load(daysBetween(from, to), onProgress));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Forgets everything in memory (the disk cache checks itself against the day files). */
  invalidate(): void {
    this.memory.clear();
  }

  private async load(
    days: readonly string[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<DayRollup[]> {
    const keys = await Promise.all(
      [...days, addDays(days.at(-1) ?? this.today(), 1)].map((d) => this.fileKey(d)),
    );
    const today = this.today();
    const now = this.now();
    const isValid = (i: number, c: Cached | undefined): c is Cached =>
      c !== undefined &&
      c.key === keys[i] &&
      (!c.rollup.needsNextDay || c.nextKey === keys[i + 1]) &&
      (days[i]! < today || (c.builtAt !== undefined && now - c.builtAt < TODAY_FRESH_MS));
    // closed days missing from memory: their disk copies are read in parallel
    const wanted = days.flatMap((day, i) =>
      day < today && !isValid(i, this.memory.get(day)) ? [day] : [],
    );
    const fromDisk = new Map<string, Cached | undefined>();
    for (let i = 0; i < wanted.length; i += 32) {
      const chunk = wanted.slice(i, i + 32);
      const read = await Promise.all(chunk.map((d) => this.readCache(d)));
      chunk.forEach((d, j) => fromDisk.set(d, read[j]));
    }
    const out: DayRollup[] = [];
    for (const [i, day] of days.entries()) {
      let cached = this.memory.get(day);
      if (!isValid(i, cached)) {
        cached = fromDisk.get(day);
        if (!isValid(i, cached)) {
          const until = day < today ? undefined : now;
          cached = {
            key: keys[i]!,
            nextKey: keys[i + 1]!,
            rollup: await this.build(day, until),
            ...(until !== undefined ? { builtAt: until } : {}),
          };
          if (day < today && cached.key !== 'none') await this.writeCache(day, cached);
        }
        this.memory.set(day, cached);
      }
      out.push(cached.rollup);
      onProgress?.(i + 1, days.length);
    }
    return out;
  }

  /** `until`: today's rollup covers the day up to now (counters open until then, no later hours). */
  private async build(day: string, until: number | undefined): Promise<DayRollup> {
    const dayStart = this.startOf(day);
    const opts = {
      day,
      timeZone: this.timeZone,
      dayStart,
      dayEnd: startOfDaysBack(dayStart, -1, this.timeZone),
      ...(until !== undefined ? { until } : {}),
    };
    const events = await this.reader.readDay(day);
    const alone = buildDayRollup(events, [], opts);
    if (!alone.needsNextDay) return alone;
    return buildDayRollup(events, await this.reader.readDay(addDays(day, 1)), opts);
  }

  /** First moment of a store day given as YYYY-MM-DD. */
  private startOf(day: string): number {
    let t = Date.parse(`${day}T12:00:00Z`);
    // zones far from UTC: move noon UTC onto the store day first
    while (dayKey(t, this.timeZone) > day) t -= 6 * 3_600_000;
    while (dayKey(t, this.timeZone) < day) t += 6 * 3_600_000;
    return startOfDay(t, this.timeZone);
  }

  private async fileKey(day: string): Promise<string> {
    try {
      const s = await stat(join(this.storeDir, 'events', `${day}.jsonl`));
      return `${s.size}:${s.mtimeMs}`;
    } catch {
      return 'none';
    }
  }

  private cachePath(day: string): string {
    return join(this.storeDir, 'reports', `${day}.json`);
  }

  private async readCache(day: string): Promise<Cached | undefined> {
    try {
      const c = JSON.parse(await readFile(this.cachePath(day), 'utf8')) as CacheFile;
      const rollup = decodeRollup(c.rollup, day);
      return rollup ? { key: c.key, nextKey: c.nextKey, rollup } : undefined;
    } catch {
      return undefined;
    }
  }

  private async writeCache(day: string, c: Cached): Promise<void> {
    const path = this.cachePath(day);
    try {
      await mkdir(join(this.storeDir, 'reports'), { recursive: true });
      const file: CacheFile = { key: c.key, nextKey: c.nextKey, rollup: encodeRollup(c.rollup) };
      await writeFile(`${path}.tmp`, JSON.stringify(file));
      await rename(`${path}.tmp`, path);
    } catch {
      // a cache that cannot be written only costs a rebuild next time
    }
  }
}
