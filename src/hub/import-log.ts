import { wallOf } from '../domain/clock/hlc.ts';
import { LogReader, splitLines, type LogWarning } from '../domain/portable/parse.ts';
import { PortableToStore } from '../domain/portable/to-store.ts';
import { dayKey } from '../domain/queue/day.ts';
import type { StoreEvent } from '../domain/queue/events.ts';

/** Where an import writes: the hub's day files (EventFileStore). */
export interface ImportTarget {
  days(): Promise<string[]>;
  appendRemote(events: readonly StoreEvent[]): Promise<void>;
}

export interface ImportResult {
  readonly device: string;
  readonly events: number;
  readonly days: readonly string[];
  readonly warnings: readonly LogWarning[];
}

/** The import would mix with history already there: nothing was written. */
export class ImportConflictError extends Error {
  constructor(readonly days: readonly string[]) {
    const more =
      days.length > 1 ? ` and ${days.length - 1} more day${days.length > 2 ? 's' : ''}` : '';
    super(
      `the hub already has history for ${days[0]}${more}: import into a fresh data directory (or export those days, move them away, and import again)`,
    );
    this.name = 'ImportConflictError';
  }
}

/**
 * Imports a portable event log (DESIGN.md section 5) into the hub's history: the whole log is
 * read and checked first (a bad line throws PortableLogError naming it, and nothing is
 * written), then written day by day. Days that already have history are refused, so an import
 * never doubles or mixes a store's records.
 */
export async function importPortableLog(
  text: string,
  opts: {
    readonly storeId: string;
    readonly timeZone: string;
    readonly target: ImportTarget;
    readonly onProgress?: (done: number, total: number) => void;
    readonly device?: string;
  },
): Promise<ImportResult> {
  const reader = new LogReader();
  const device = opts.device ?? `import-${Date.now().toString(36)}`;
  const conv = new PortableToStore(opts.storeId, device);
  const byDay = new Map<string, StoreEvent[]>();
  splitLines(text).forEach((line, i) => {
    const p = reader.next(line);
    if (!p) return;
    const e = conv.convert(p, i + 1);
    const day = dayKey(wallOf(e.hlc), opts.timeZone);
    let list = byDay.get(day);
    if (!list) byDay.set(day, (list = []));
    list.push(e);
  });
  const existing = new Set(await opts.target.days());
  const clash = [...byDay.keys()].filter((d) => existing.has(d)).sort();
  if (clash.length > 0) throw new ImportConflictError(clash);
  const days = [...byDay.keys()].sort();
  let count = 0;
  for (const [i, day] of days.entries()) {
    const events = byDay.get(day)!;
    await opts.target.appendRemote(events);
    count += events.length;
    opts.onProgress?.(i + 1, days.length);
  }
  return { device, events: count, days, warnings: reader.warnings };
}
