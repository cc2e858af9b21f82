import {
  closeSync,
  existsSync,
  createReadStream,
  fstatSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  writeFileSync,
  appendFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { StoreConfig } from '../domain/config/types.ts';
import { portableLog } from '../domain/portable/from-store.ts';
import { LogReader, PortableLogError, readLog, type LogWarning } from '../domain/portable/parse.ts';
import {
  formatReplayLine,
  formatSummaryLine,
  replayEvents,
  summarize,
} from '../domain/portable/replay.ts';
import { ScheduleError, parseSchedule } from '../domain/portable/schedule.ts';
import { serializeEvent } from '../domain/portable/serialize.ts';
import type { PortableEvent } from '../domain/portable/types.ts';
import { formatWhatIfReport, whatIf } from '../domain/portable/whatif.ts';
import { WaitEstimator } from '../domain/wait/estimator.ts';
import type { ExportCommand, ImportCommand, ReplayCommand, WhatIfCommand } from './cli-args.ts';
import { ImportConflictError, importPortableLog } from './import-log.ts';
import { progressLines } from './import-progress.ts';
import { loadStoreConfig } from './config-loader.ts';
import { EventFileStore } from './event-file-store.ts';
import { displayPath } from './paths.ts';

/**
 * `nextup replay`, `nextup whatif` and `nextup export` (DESIGN.md section 5): the portable
 * event log between the store's history, the wait-time estimator and a manager's questions.
 * Bad input is an InputError (exit code 1) whose message names the file and the line; lines
 * that are safe to skip become warnings on stderr. Results go to stdout (or --out), progress
 * to stderr, and only when stderr is a terminal: a pipe or a file gets no progress lines.
 */
export interface ToolIo {
  /** A person is watching stderr (a terminal): long runs report their progress there. */
  readonly stderrIsTerminal?: boolean;
  stdout(text: string): void;
  stderr(line: string): void;
}

/** Input that cannot be used: one readable line, no stack trace (exit code 1). */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Below this size a run is quick: no progress lines. */
const PROGRESS_MIN_BYTES = 1 << 20;
const MAX_WARNINGS_SHOWN = 20;

function describeFsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    default:
      return e.code ?? e.message;
  }
}

/**
 * Progress every 10% of a known total, on stderr, for runs long enough to need it and only
 * when stderr is a terminal (a script reading stderr wants warnings, not percentages).
 */
function progress(io: ToolIo, label: string, total: number, enabled: boolean) {
  let shown = 0;
  return (done: number): void => {
    if (!enabled || io.stderrIsTerminal !== true || total <= 0) return;
    const tenth = Math.min(10, Math.floor((10 * done) / total));
    if (tenth <= shown) return;
    shown = tenth;
    io.stderr(`nextup: ${label} ${tenth * 10}%`);
  };
}

/**
 * The lines of a file, read lazily in 64 KiB chunks (a year of history does not need to fit in
 * memory as one string), with the bytes read so far for progress.
 */
function* fileLines(fd: number, onBytes: (read: number) => void): Generator<string> {
  const buf = Buffer.alloc(1 << 16);
  const decoder = new StringDecoder('utf8');
  let read = 0;
  let rest = '';
  for (;;) {
    const n = readSync(fd, buf, 0, buf.length, null);
    if (n === 0) break;
    read += n;
    onBytes(read);
    rest += decoder.write(buf.subarray(0, n));
    const parts = rest.split('\n');
    rest = parts.pop() ?? '';
    for (const p of parts) yield p.endsWith('\r') ? p.slice(0, -1) : p;
  }
  rest += decoder.end();
  if (rest !== '') yield rest.endsWith('\r') ? rest.slice(0, -1) : rest;
}

/** Opens a log; the reader gets its events lazily, one line at a time. */
function openLog(file: string, io: ToolIo, label: string, quiet: boolean) {
  let fd: number;
  let size: number;
  try {
    fd = openSync(file, 'r');
    const st = fstatSync(fd);
    if (st.isDirectory()) {
      closeSync(fd);
      throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    }
    size = st.size;
  } catch (err) {
    throw new InputError(`cannot read ${displayPath(file)}: ${describeFsError(err)}`);
  }
  const report = progress(
    io,
    `${label} ${displayPath(file)}:`,
    size,
    !quiet && size >= PROGRESS_MIN_BYTES,
  );
  const reader = new LogReader();
  const lines = fileLines(fd, report);
  const events = (function* () {
    try {
      yield* readLog(lines, reader);
    } catch (err) {
      if (err instanceof PortableLogError) {
        throw new InputError(`${displayPath(file)}: ${err.message}`);
      }
      if ((err as NodeJS.ErrnoException).code !== undefined) {
        throw new InputError(`cannot read ${displayPath(file)}: ${describeFsError(err)}`);
      }
      throw err;
    } finally {
      closeSync(fd);
    }
  })();
  return { events, warnings: reader.warnings };
}

function printWarnings(io: ToolIo, file: string, warnings: readonly LogWarning[]): void {
  for (const w of warnings.slice(0, MAX_WARNINGS_SHOWN)) {
    io.stderr(`nextup: warning: ${displayPath(file)}: line ${w.line}: ${w.message}`);
  }
  if (warnings.length > MAX_WARNINGS_SHOWN) {
    io.stderr(
      `nextup: warning: ... and ${warnings.length - MAX_WARNINGS_SHOWN} more lines skipped`,
    );
  }
}

/** Writes the whole output at once, to --out (through a temporary file) or stdout. */
function writeOutput(io: ToolIo, out: string | undefined, text: string): void {
  if (out === undefined) {
    io.stdout(text.endsWith('\n') ? text.slice(0, -1) : text);
    return;
  }
  const tmp = `${out}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, out);
  } catch (err) {
    throw new InputError(`cannot write ${displayPath(out)}: ${describeFsError(err)}`);
  }
}

function estimatorFor(config: StoreConfig | undefined): WaitEstimator {
  if (!config) return new WaitEstimator();
  return new WaitEstimator({
    timeZone: config.store.timeZone,
    serviceSec: Object.fromEntries(config.services.map((s) => [s.id, s.avgServiceSec])),
  });
}

/**
 * `nextup replay <log>`: every ticket's prediction is taken right after its `ticket.issued`
 * line was read and before the next line is (the log is read lazily), so it depends on earlier
 * events only. Output: one JSON line per issued ticket, then the summary line.
 */
export async function runReplay(cmd: ReplayCommand, io: ToolIo): Promise<number> {
  const config = cmd.configDir !== undefined ? await loadStoreConfig(cmd.configDir) : undefined;
  const log = openLog(cmd.file, io, 'replay', cmd.quiet);
  const results = replayEvents(log.events, estimatorFor(config));
  printWarnings(io, cmd.file, log.warnings);
  const summary = summarize(results);
  if (results.length === 0) {
    io.stderr(`nextup: warning: ${displayPath(cmd.file)}: no ticket.issued events to replay`);
  }
  const lines = results.map(formatReplayLine);
  lines.push(formatSummaryLine(summary));
  writeOutput(io, cmd.out, lines.join('\n') + '\n');
  if (cmd.out !== undefined && !cmd.quiet) {
    io.stderr(
      `nextup: replayed ${results.length} tickets (${summary.n} called) into ${displayPath(cmd.out)}`,
    );
  }
  return 0;
}

/** The schedule: a file if one is there by that name, else the changes themselves. */
function readSchedule(counters: string): { text: string; label: string } {
  if (existsSync(counters)) {
    try {
      return { text: readFileSync(counters, 'utf8'), label: displayPath(counters) };
    } catch (err) {
      throw new InputError(`cannot read ${displayPath(counters)}: ${describeFsError(err)}`);
    }
  }
  const trimmed = counters.trim();
  const json = trimmed.startsWith('[') || trimmed.startsWith('{');
  return { text: json ? counters : counters.split(';').join('\n'), label: '--counters' };
}

/** `nextup whatif <log> --counters <schedule>`: the log's customers under another schedule. */
export async function runWhatIf(cmd: WhatIfCommand, io: ToolIo): Promise<number> {
  const schedule = readSchedule(cmd.counters);
  let changes;
  try {
    changes = parseSchedule(schedule.text);
  } catch (err) {
    if (err instanceof ScheduleError) {
      const where = schedule.label === '--counters' && err.line > 0 ? `change ${err.line}` : '';
      throw new InputError(
        where
          ? `--counters: ${where}: ${err.problem}`
          : `${schedule.label}: ${err.message.replace(/^schedule: /, '')}`,
      );
    }
    throw err;
  }
  if (changes.length === 0) throw new InputError(`${schedule.label}: no schedule change given`);
  const config = await loadStoreConfig(cmd.configDir);
  const log = openLog(cmd.file, io, 'whatif', cmd.quiet);
  const events: PortableEvent[] = [...log.events];
  printWarnings(io, cmd.file, log.warnings);
  if (!events.some((e) => e.type === 'ticket.issued')) {
    throw new InputError(`${displayPath(cmd.file)}: no ticket.issued events: nothing to compare`);
  }
  const report = whatIf(events, changes, {
    timeZone: config.store.timeZone,
    ...(cmd.targetSec !== undefined
      ? { defaultTargetSec: cmd.targetSec }
      : { targetSec: Object.fromEntries(config.services.map((s) => [s.id, s.targetWaitSec])) }),
  });
  io.stdout(cmd.json ? JSON.stringify(report) : formatWhatIfReport(report).join('\n'));
  return 0;
}

/** `nextup export --from --to`: the hub's history of those store days as a portable log. */
export async function runExport(cmd: ExportCommand, io: ToolIo): Promise<number> {
  const config = await loadStoreConfig(cmd.configDir);
  const storeDir = join(cmd.dataDir, config.store.id);
  if (!existsSync(join(storeDir, 'events'))) {
    throw new InputError(
      `no event history for store ${config.store.id} in ${displayPath(cmd.dataDir)} (looked for ${displayPath(join(storeDir, 'events'))})`,
    );
  }
  const warnings: string[] = [];
  const history = new EventFileStore(storeDir, config.store.timeZone, {
    info: () => undefined,
    warn: (m) => warnings.push(m),
  });
  const days = (await history.days()).filter((d) => d >= cmd.from && d <= cmd.to);
  const report = progress(io, 'export:', days.length, !cmd.quiet && days.length >= 10);
  const tmp = cmd.out !== undefined ? `${cmd.out}.tmp-${process.pid}` : undefined;
  let count = 0;
  try {
    if (tmp !== undefined) writeFileSync(tmp, '');
    for (const [i, day] of days.entries()) {
      let stored;
      try {
        stored = await history.readDay(day);
      } catch (err) {
        throw new InputError(`cannot read the history of ${day}: ${describeFsError(err)}`);
      }
      const events = portableLog(stored);
      count += events.length;
      if (events.length > 0) {
        const text = events.map(serializeEvent).join('\n');
        if (tmp !== undefined) appendFileSync(tmp, text + '\n');
        else io.stdout(text);
      }
      report(i + 1);
    }
    if (tmp !== undefined && cmd.out !== undefined) renameSync(tmp, cmd.out);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== undefined) {
      throw new InputError(`cannot write ${displayPath(cmd.out ?? '-')}: ${describeFsError(err)}`);
    }
    throw err;
  } finally {
    await history.close();
  }
  for (const w of warnings.slice(0, MAX_WARNINGS_SHOWN)) io.stderr(`nextup: warning: ${w}`);
  if (days.length === 0) {
    io.stderr(`nextup: warning: no history between ${cmd.from} and ${cmd.to}`);
  } else if (!cmd.quiet && cmd.out !== undefined) {
    io.stderr(
      `nextup: exported ${count} events of ${days.length} day${days.length === 1 ? '' : 's'} into ${displayPath(cmd.out)}`,
    );
  }
  return 0;
}

/** `nextup import <log>`: a portable log into the hub's history (days with history refused). */
export async function runImport(cmd: ImportCommand, io: ToolIo): Promise<number> {
  const config = await loadStoreConfig(cmd.configDir);
  let size: number;
  try {
    // read as a stream below: a log of any size is never held whole
    const st = statSync(cmd.file);
    if (st.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    size = st.size;
    closeSync(openSync(cmd.file, 'r'));
  } catch (err) {
    throw new InputError(`cannot read ${displayPath(cmd.file)}: ${describeFsError(err)}`);
  }
  const storeDir = join(cmd.dataDir, config.store.id);
  const history = new EventFileStore(storeDir, config.store.timeZone, {
    info: () => undefined,
    warn: (m) => io.stderr(`nextup: warning: ${m}`),
  });
  const show = !cmd.quiet && io.stderrIsTerminal === true && size > 1024 * 1024;
  const say = progressLines((line) => io.stderr(`nextup: import: ${line}`));
  try {
    const result = await importPortableLog(createReadStream(cmd.file), {
      storeId: config.store.id,
      timeZone: config.store.timeZone,
      target: history,
      stagingDir: storeDir,
      totalBytes: size,
      onProgress: show ? say : undefined,
    });
    for (const w of result.warnings.slice(0, MAX_WARNINGS_SHOWN)) {
      io.stderr(`nextup: warning: ${displayPath(cmd.file)}:${w.line}: ${w.message}`);
    }
    if (!cmd.quiet) {
      io.stderr(
        `nextup: imported ${result.events} events of ${result.days.length} day${result.days.length === 1 ? '' : 's'} (${result.days[0] ?? '-'} to ${result.days.at(-1) ?? '-'}) into ${displayPath(cmd.dataDir)} as device ${result.device}`,
      );
    }
    return 0;
  } catch (err) {
    if (err instanceof PortableLogError) {
      throw new InputError(`${displayPath(cmd.file)}: ${err.message} (nothing was imported)`);
    }
    if (err instanceof ImportConflictError) throw new InputError(err.message);
    throw err;
  } finally {
    await history.close();
  }
}
