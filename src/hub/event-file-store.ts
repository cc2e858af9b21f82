import { mkdir, open, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { wallOf } from '../domain/clock/hlc.ts';
import { dayKey } from '../domain/queue/day.ts';
import type { StoreEvent } from '../domain/queue/events.ts';
import { validateEvent } from '../domain/sync/validate.ts';
import type { LoadedLog, ReplicaStorage } from '../sync/ports.ts';
import { openAppendFile, type AppendFile, type OpenAppendFile } from './append-file.ts';
import type { DiskReport } from './disk-health.ts';

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;

/** A day file open for appending, and how much of it is known good. */
interface DayFile {
  readonly path: string;
  readonly file: AppendFile;
  /** Bytes up to the end of the last whole, flushed line. */
  length: number;
  /** Bytes past `length` may be on disk (a failed write not cut back yet). */
  torn: boolean;
}

export interface EventFileStoreOptions {
  /** How day files are opened for appending; tests pass a disk that fails. */
  readonly openFile?: OpenAppendFile;
  /** Told how each write went: the hub's /api/health and its log. */
  readonly report?: DiskReport;
}

/**
 * The hub's durable history: one append-only JSON Lines file per store day, flushed to disk
 * (fdatasync) before a batch counts as stored, so `kill -9` loses nothing acknowledged.
 * A write that fails (a full disk) is cut back to the last whole line before the error is
 * passed on, and a file is never appended to while it may hold a torn line: an event glued
 * onto a torn line would be acknowledged and then unreadable. A torn last line after a crash
 * is cut off when the day is next opened. The hub never forgets: compaction only drops old
 * days from memory, and reports read the day files.
 */
export class EventFileStore implements ReplicaStorage {
  private readonly files = new Map<string, DayFile>();
  private outbox: string[] = [];
  /** Writes one at a time: cutting back a failed write must not cut another's. */
  private writing: Promise<unknown> = Promise.resolve();
  private readonly openFile: OpenAppendFile;

  constructor(
    private readonly dir: string,
    private readonly timeZone: string,
    private readonly log: { info(msg: string): void; warn(msg: string): void },
    private readonly opts: EventFileStoreOptions = {},
  ) {
    this.openFile = opts.openFile ?? openAppendFile;
  }

  private get eventsDir(): string {
    return join(this.dir, 'events');
  }

  private get outboxPath(): string {
    return join(this.dir, 'outbox.json');
  }

  /** Store days with history, oldest first. */
  async days(): Promise<string[]> {
    await mkdir(this.eventsDir, { recursive: true });
    const names = await readdir(this.eventsDir);
    return names
      .map((n) => DAY_FILE.exec(n)?.[1])
      .filter((d): d is string => d !== undefined)
      .sort();
  }

  /** Every valid event stored for a day (duplicates from resends removed). */
  async readDay(day: string): Promise<StoreEvent[]> {
    const path = join(this.eventsDir, `${day}.jsonl`);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const byId = new Map<string, StoreEvent>();
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        this.log.warn(`${path}:${i + 1}: skipped a line that is not JSON (torn write?)`);
        return;
      }
      const r = validateEvent(parsed);
      if (r.ok) byId.set(r.value.id, r.value);
      else this.log.warn(`${path}:${i + 1}: skipped: ${r.reason}`);
    });
    return [...byId.values()];
  }

  /**
   * Loads the days from `since` on; older days only tell, per device, how far its events run
   * without a gap (the floor), so catch-up neither resends nor forgets them.
   */
  async load(since: string): Promise<LoadedLog> {
    await mkdir(this.eventsDir, { recursive: true });
    const firstDay = dayKey(wallOf(since), this.timeZone);
    const days = await this.days();
    await this.repairTails(days);
    const old = days.filter((d) => d < firstDay);
    const seqs = new Map<string, Set<number>>();
    const events: StoreEvent[] = [];
    for (const [i, day] of days.entries()) {
      const dayEvents = await this.readDay(day);
      if (day < firstDay) {
        for (const e of dayEvents) {
          let s = seqs.get(e.device);
          if (!s) seqs.set(e.device, (s = new Set()));
          s.add(e.seq);
        }
      } else {
        events.push(...dayEvents);
      }
      if (old.length > 30 && (i + 1) % 30 === 0)
        this.log.info(`loading history: ${i + 1}/${days.length} days`);
    }
    const floors: Record<string, number> = {};
    for (const [device, s] of seqs) {
      let top = 0;
      while (s.has(top + 1)) top++;
      if (top > 0) floors[device] = top;
    }
    try {
      const parsed: unknown = JSON.parse(await readFile(this.outboxPath, 'utf8'));
      if (Array.isArray(parsed))
        this.outbox = parsed.filter((x): x is string => typeof x === 'string');
    } catch {
      this.outbox = [];
    }
    return { events, outbox: [...this.outbox], floors };
  }

  /**
   * A crash mid-write leaves a torn last line: opening the recent days cuts it off before any
   * append (on a read-only disk they stay, and reading skips them).
   */
  private async repairTails(days: readonly string[]): Promise<void> {
    for (const day of days.slice(-3)) {
      try {
        await this.dayFile(day);
      } catch (err) {
        this.opts.report?.failed('events', err);
        this.log.warn(`cannot open the day file of ${day} for writing: ${describe(err)}`);
      }
    }
  }

  private async dayFile(day: string): Promise<DayFile> {
    let f = this.files.get(day);
    if (f) return f;
    if (!DAY_FILE.test(`${day}.jsonl`)) {
      // a clock past year 9999 (refused by validation): never write where loading cannot read
      throw new RangeError(`no day file can be named for the store day ${day}`);
    }
    const path = join(this.eventsDir, `${day}.jsonl`);
    const file = await this.openFile(path);
    try {
      f = { path, file, length: await this.cutTornTail(path, file), torn: false };
    } catch (err) {
      await file.close().catch(() => undefined);
      throw err;
    }
    this.files.set(day, f);
    // keep a few days open: late events for old days are rare (a torn one stays open)
    if (this.files.size > 4) {
      const [oldest] = [...this.files.entries()]
        .filter(([d, o]) => d !== day && !o.torn)
        .map(([d]) => d)
        .sort();
      if (oldest !== undefined) {
        await this.files.get(oldest)?.file.close();
        this.files.delete(oldest);
      }
    }
    return f;
  }

  /**
   * The file's length once a torn last line is dealt with: a whole JSON value only lacking
   * its newline gets one; anything else (never acknowledged: a batch counts once flushed) is
   * cut off, so the next append starts on a line of its own.
   */
  private async cutTornTail(path: string, file: AppendFile): Promise<number> {
    const size = await file.size();
    if (size === 0 || (await file.read(size - 1, 1))[0] === NEWLINE) return size;
    let lineStart = 0;
    for (let end = size; end > 0; end -= TAIL_CHUNK) {
      const from = Math.max(0, end - TAIL_CHUNK);
      const i = (await file.read(from, end - from)).lastIndexOf(NEWLINE);
      if (i >= 0) {
        lineStart = from + i + 1;
        break;
      }
    }
    const tail = (await file.read(lineStart, size - lineStart)).toString('utf8');
    let whole = true;
    try {
      JSON.parse(tail);
    } catch {
      whole = false;
    }
    if (whole) {
      await file.append(Buffer.from('\n'));
      await file.sync();
      return size + 1;
    }
    await file.truncate(lineStart);
    await file.sync();
    this.log.warn(`${path}: cut off a torn last line (${size - lineStart} bytes, never stored)`);
    return lineStart;
  }

  /** Runs `fn` after every write before it. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.writing.then(fn, fn);
    this.writing = run.catch(() => undefined);
    return run;
  }

  /**
   * Appends and flushes each day's lines; on any failure cuts every file touched back to its
   * length before and rethrows, so a failed batch leaves no trace to be read.
   */
  private async write(events: readonly StoreEvent[]): Promise<Written[]> {
    const byDay = new Map<string, string[]>();
    for (const e of events) {
      const day = dayKey(wallOf(e.hlc), this.timeZone);
      const lines = byDay.get(day) ?? [];
      lines.push(JSON.stringify(e) + '\n');
      byDay.set(day, lines);
    }
    const written: Written[] = [];
    try {
      for (const [day, lines] of byDay) {
        const f = await this.dayFile(day);
        if (f.torn) await this.cutBack(f, f.length);
        const data = Buffer.from(lines.join(''));
        written.push({ f, from: f.length });
        f.torn = true;
        await f.file.append(data);
        await f.file.sync();
        f.length += data.length;
        f.torn = false;
      }
    } catch (err) {
      await this.undo(written);
      this.opts.report?.failed('events', err);
      throw err;
    }
    this.opts.report?.succeeded('events');
    return written;
  }

  private async undo(written: readonly Written[]): Promise<void> {
    for (const { f, from } of written.toReversed()) {
      try {
        await this.cutBack(f, from);
      } catch (err) {
        // stays torn: the next append to this day cuts back first, or fails
        this.log.warn(`${f.path}: cannot cut back a failed write yet: ${describe(err)}`);
      }
    }
  }

  private async cutBack(f: DayFile, length: number): Promise<void> {
    f.length = length;
    f.torn = true;
    await f.file.truncate(length);
    await f.file.sync();
    f.torn = false;
  }

  appendRemote(events: readonly StoreEvent[]): Promise<void> {
    return this.exclusive(async () => {
      await this.write(events);
    });
  }

  appendLocal(event: StoreEvent): Promise<void> {
    return this.exclusive(async () => {
      const written = await this.write([event]);
      this.outbox.push(event.id);
      try {
        await this.saveOutbox();
      } catch (err) {
        // one transaction: without its outbox entry the event is not kept either
        this.outbox.pop();
        await this.undo(written);
        throw err;
      }
    });
  }

  removeFromOutbox(ids: readonly string[]): Promise<void> {
    return this.exclusive(async () => {
      const gone = new Set(ids);
      const before = this.outbox;
      this.outbox = this.outbox.filter((id) => !gone.has(id));
      try {
        await this.saveOutbox();
      } catch (err) {
        this.outbox = before;
        throw err;
      }
    });
  }

  /**
   * Rewrites the lines of one day whose event `change` replaces (the retention job, a
   * customer's request to be forgotten): the new file is flushed beside the old one and renamed
   * over it, so a crash leaves one or the other whole. Serialized with every append. Resolves
   * how many lines changed (0: the file was left alone).
   */
  rewriteDay(day: string, change: (e: StoreEvent) => StoreEvent | undefined): Promise<number> {
    return this.exclusive(async () => {
      const path = join(this.eventsDir, `${day}.jsonl`);
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
        throw err;
      }
      let changed = 0;
      const lines = text.split('\n').map((line) => {
        if (line.trim() === '') return line;
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          return line;
        }
        const r = validateEvent(parsed);
        const next = r.ok ? change(r.value) : undefined;
        if (!next) return line;
        changed++;
        return JSON.stringify(next);
      });
      if (changed === 0) return 0;
      const open_ = this.files.get(day);
      if (open_) {
        this.files.delete(day);
        await open_.file.close();
      }
      const tmp = `${path}.rewrite.tmp`;
      const handle = await open(tmp, 'w');
      try {
        await handle.writeFile(lines.join('\n'));
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(tmp, path);
      await syncDir(this.eventsDir);
      return changed;
    });
  }

  /** The hub keeps full history on disk: old days only leave memory. */
  compact(): Promise<void> {
    return Promise.resolve();
  }

  async close(): Promise<void> {
    await this.writing;
    for (const f of this.files.values()) await f.file.close();
    this.files.clear();
  }

  private async saveOutbox(): Promise<void> {
    const tmp = `${this.outboxPath}.tmp`;
    try {
      await writeFile(tmp, JSON.stringify(this.outbox));
      await rename(tmp, this.outboxPath);
    } catch (err) {
      this.opts.report?.failed('events', err);
      throw err;
    }
  }
}

interface Written {
  readonly f: DayFile;
  /** The file's length before this write. */
  readonly from: number;
}

const NEWLINE = 0x0a;
const TAIL_CHUNK = 64 * 1024;

/** Makes a rename in `dir` durable (the directory entry itself is flushed). */
async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
