import { createReadStream } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { LineSplitter } from '../domain/portable/lines.ts';
import type { LogWarning } from '../domain/portable/parse.ts';
import type { StoreEvent } from '../domain/queue/events.ts';
import { stageLog, type ImportProgress, type Staged } from './import-staging.ts';

export type { ImportProgress } from './import-staging.ts';

/** Where an import writes: the hub's day files (EventFileStore). */
export interface ImportTarget {
  days(): Promise<string[]>;
  appendRemote(events: readonly StoreEvent[]): Promise<void>;
}

export interface ImportResult {
  readonly device: string;
  readonly events: number;
  readonly days: readonly string[];
  /** The first warnings (lines skipped); `skipped` counts them all. */
  readonly warnings: readonly LogWarning[];
  readonly skipped: number;
  readonly lines: number;
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

export interface ImportOptions {
  readonly storeId: string;
  readonly timeZone: string;
  readonly target: ImportTarget;
  /** A folder on the data disk for the staged events (not /tmp: it may be memory). */
  readonly stagingDir: string;
  /** The log's size when known, for progress. */
  readonly totalBytes?: number;
  readonly onProgress?: (p: ImportProgress) => void;
  readonly device?: string;
}

const STAGING_SUFFIX = '.staging.jsonl';

/**
 * Staging files of imports the hub was stopped in the middle of (a crash, a power cut): their
 * events never reached the history, and nobody will finish them. Removed at start; returns
 * their names. A folder that does not exist yet has none.
 */
export async function removeStaleStaging(stagingDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(stagingDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const stale = names.filter((n) => n.endsWith(STAGING_SUFFIX));
  for (const n of stale) await rm(join(stagingDir, n), { force: true });
  return stale;
}

/**
 * Bytes of events handed to the store at once: a live event written meanwhile waits for at
 * most one such batch (and its flush), never for the import.
 */
export const COMMIT_BATCH_BYTES = 512 * 1024;

/**
 * Imports a portable event log (DESIGN.md section 5) into the hub's history, streamed: the
 * whole log is read and checked first, line by line, its events staged in a file beside the
 * history (a bad line throws PortableLogError naming it, and nothing is written), then the
 * staged events are written in small batches. Days that already have history are refused, so
 * an import never doubles or mixes a store's records.
 */
export async function importPortableLog(
  source: AsyncIterable<Uint8Array>,
  opts: ImportOptions,
): Promise<ImportResult> {
  const device = opts.device ?? `import-${Date.now().toString(36)}`;
  await mkdir(opts.stagingDir, { recursive: true });
  const path = join(opts.stagingDir, `${device}${STAGING_SUFFIX}`);
  try {
    const staged = await stageLog(source, { ...opts, device, path });
    const existing = new Set(await opts.target.days());
    const clash = staged.days.filter((d) => existing.has(d));
    if (clash.length > 0) throw new ImportConflictError(clash);
    await commitStaged(path, staged, opts);
    const { events, days, warnings, skipped, lines } = staged;
    return { device, events, days, warnings, skipped, lines };
  } finally {
    await rm(path, { force: true });
  }
}

/** The second pass: the staged events, in order, into the history in small batches. */
async function commitStaged(path: string, staged: Staged, opts: ImportOptions): Promise<void> {
  const splitter = new LineSplitter(Infinity);
  let batch: StoreEvent[] = [];
  let batchBytes = 0;
  let bytes = 0;
  let events = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await opts.target.appendRemote(batch);
    events += batch.length;
    bytes += batchBytes;
    batch = [];
    batchBytes = 0;
    opts.onProgress?.({ phase: 'writing', bytes, total: staged.bytes, events });
    await nextTurn();
  };
  const add = async (lines: readonly string[]) => {
    for (const line of lines) {
      if (line === '') continue;
      // written by stageLog from validated events
      batch.push(JSON.parse(line) as StoreEvent);
      batchBytes += Buffer.byteLength(line) + 1;
      if (batchBytes >= COMMIT_BATCH_BYTES) await flush();
    }
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 })) {
    await add(splitter.push(chunk as Buffer));
  }
  await add([splitter.end()]);
  await flush();
}
