import { mkdir, open, readFile, rename, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoreEvent } from '../domain/queue/events.ts';
import { validateEvent } from '../domain/sync/validate.ts';
import type { ReplicaStorage } from '../sync/ports.ts';

/**
 * The hub's durable history: an append-only JSON Lines file, flushed to disk (fdatasync)
 * before a batch counts as stored. A torn last line after a crash is skipped on load.
 */
export class EventFileStore implements ReplicaStorage {
  private handle: FileHandle | undefined;
  private outbox: string[] = [];

  constructor(
    private readonly dir: string,
    private readonly warn: (msg: string) => void,
  ) {}

  private get eventsPath(): string {
    return join(this.dir, 'events.jsonl');
  }

  private get outboxPath(): string {
    return join(this.dir, 'outbox.json');
  }

  async load(): Promise<{ events: StoreEvent[]; outbox: string[] }> {
    await mkdir(this.dir, { recursive: true });
    const events: StoreEvent[] = [];
    let text = '';
    try {
      text = await readFile(this.eventsPath, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        this.warn(`${this.eventsPath}:${i + 1}: skipped a line that is not JSON (torn write?)`);
        return;
      }
      const r = validateEvent(parsed);
      if (r.ok) events.push(r.value);
      else this.warn(`${this.eventsPath}:${i + 1}: skipped: ${r.reason}`);
    });
    if (text.length > 0 && !text.endsWith('\n')) {
      // start the next append on a fresh line after a torn tail
      await writeFile(this.eventsPath, '\n', { flag: 'a' });
    }
    try {
      const parsed: unknown = JSON.parse(await readFile(this.outboxPath, 'utf8'));
      if (Array.isArray(parsed))
        this.outbox = parsed.filter((x): x is string => typeof x === 'string');
    } catch {
      this.outbox = [];
    }
    this.handle = await open(this.eventsPath, 'a');
    return { events, outbox: [...this.outbox] };
  }

  async appendRemote(events: readonly StoreEvent[]): Promise<void> {
    if (!this.handle) throw new Error('event store is not open');
    await this.handle.appendFile(events.map((e) => JSON.stringify(e) + '\n').join(''));
    await this.handle.datasync();
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

  async close(): Promise<void> {
    await this.handle?.close();
    this.handle = undefined;
  }

  private async saveOutbox(): Promise<void> {
    const tmp = `${this.outboxPath}.tmp`;
    await writeFile(tmp, JSON.stringify(this.outbox));
    await rename(tmp, this.outboxPath);
  }
}
