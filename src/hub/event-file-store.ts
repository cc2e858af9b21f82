import {
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  writeFile,
  type FileHandle,
} from 'node:fs/promises';
import { join } from 'node:path';
import { wallOf } from '../domain/clock/hlc.ts';
import { dayKey } from '../domain/queue/day.ts';
import type { StoreEvent } from '../domain/queue/events.ts';
import { validateEvent } from '../domain/sync/validate.ts';
import type { LoadedLog, ReplicaStorage } from '../sync/ports.ts';

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;

/**
 * The hub's durable history: one append-only JSON Lines file per store day, flushed to disk
 * (fdatasync) before a batch counts as stored, so `kill -9` loses nothing acknowledged.
 * A torn last line after a crash is skipped on load. The hub never forgets: compaction only
 * drops old days from memory, and reports read the day files.
 */
export class EventFileStore implements ReplicaStorage {
  private readonly handles = new Map<string, FileHandle>();
  private outbox: string[] = [];

  constructor(
    private readonly dir: string,
    private readonly timeZone: string,
    private readonly log: { info(msg: string): void; warn(msg: string): void },
  ) {}

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
    await this.repairTails(days);
    try {
      const parsed: unknown = JSON.parse(await readFile(this.outboxPath, 'utf8'));
      if (Array.isArray(parsed))
        this.outbox = parsed.filter((x): x is string => typeof x === 'string');
    } catch {
      this.outbox = [];
    }
    return { events, outbox: [...this.outbox], floors };
  }

  /** After a crash mid-write, start the next append on a fresh line. */
  private async repairTails(days: readonly string[]): Promise<void> {
    for (const day of days.slice(-3)) {
      const path = join(this.eventsDir, `${day}.jsonl`);
      const text = await readFile(path, 'utf8');
      if (text.length > 0 && !text.endsWith('\n')) await writeFile(path, '\n', { flag: 'a' });
    }
  }

  private async handleFor(day: string): Promise<FileHandle> {
    let h = this.handles.get(day);
    if (!h) {
      h = await open(join(this.eventsDir, `${day}.jsonl`), 'a');
      this.handles.set(day, h);
      // keep a few days open: late events for old days are rare
      if (this.handles.size > 4) {
        const [oldest] = [...this.handles.keys()].sort();
        if (oldest !== undefined && oldest !== day) {
          await this.handles.get(oldest)?.close();
          this.handles.delete(oldest);
        }
      }
    }
    return h;
  }

  async appendRemote(events: readonly StoreEvent[]): Promise<void> {
    const byDay = new Map<string, string[]>();
    for (const e of events) {
      const day = dayKey(wallOf(e.hlc), this.timeZone);
      const lines = byDay.get(day) ?? [];
      lines.push(JSON.stringify(e) + '\n');
      byDay.set(day, lines);
    }
    for (const [day, lines] of byDay) {
      const h = await this.handleFor(day);
      await h.appendFile(lines.join(''));
      await h.datasync();
    }
  }

  async appendLocal(event: StoreEvent): Promise<void> {
    await this.appendRemote([event]);
    this.outbox.push(event.id);
    await this.saveOutbox();
  }

  async removeFromOutbox(ids: readonly string[]): Promise<void> {
    const gone = new Set(ids);
    this.outbox = this.outbox.filter((id) => !gone.has(id));
    await this.saveOutbox();
  }

  /** The hub keeps full history on disk: old days only leave memory. */
  compact(): Promise<void> {
    return Promise.resolve();
  }

  async close(): Promise<void> {
    for (const h of this.handles.values()) await h.close();
    this.handles.clear();
  }

  private async saveOutbox(): Promise<void> {
    const tmp = `${this.outboxPath}.tmp`;
    await writeFile(tmp, JSON.stringify(this.outbox));
    await rename(tmp, this.outboxPath);
  }
}
