import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { EndpointHealth } from '../../domain/webhooks/delivery.ts';
import { openAppendFile, type AppendFile } from '../append-file.ts';

/**
 * One endpoint's durable queue on the hub's disk: `<id>.jsonl`, one delivery a line, appended
 * and fsync'd before it counts as queued; `<id>.state.json`, how far it was delivered (bytes)
 * and the endpoint's health, replaced whole (write, fsync, rename). A torn last line (a stop
 * mid-write) is cut back on open. Emptied when everything has arrived and it has grown.
 */
export interface QueuedDelivery {
  /** The event's id: the Nextup-Delivery header. */
  readonly id: string;
  /** The exact JSON sent (and signed). */
  readonly body: string;
}

interface Line extends QueuedDelivery {
  readonly bytes: number;
}

interface Saved {
  readonly offset: number;
  readonly health: EndpointHealth;
}

const COMPACT_AFTER_BYTES = 1 << 20;

export class QueueFile {
  private readonly items: Line[];
  private offset: number;
  private saving: Promise<void> = Promise.resolve();
  private appending: Promise<void> = Promise.resolve();

  private constructor(
    private readonly dir: string,
    private readonly id: string,
    private readonly file: AppendFile,
    items: Line[],
    offset: number,
    readonly health: EndpointHealth,
  ) {
    this.items = items;
    this.offset = offset;
  }

  static async open(dir: string, id: string, warn: (message: string) => void): Promise<QueueFile> {
    await mkdir(dir, { recursive: true });
    const saved = await readSaved(join(dir, `${id}.state.json`));
    const file = await openAppendFile(join(dir, `${id}.jsonl`));
    const size = await file.size();
    // a queue emptied by compaction before its state was saved: nothing is left to send
    const offset = Math.min(saved.offset, size);
    const { items, goodEnd } = parseLines(await file.read(offset, size - offset), offset);
    if (goodEnd < size) {
      warn(`webhook queue ${id}: cut ${size - goodEnd} bytes of a torn last line`);
      await file.truncate(goodEnd);
    }
    return new QueueFile(dir, id, file, items, offset, saved.health);
  }

  get length(): number {
    return this.items.length;
  }

  /** The ids of the deliveries still to send. */
  pendingIds(): Set<string> {
    return new Set(this.items.map((i) => i.id));
  }

  head(): QueuedDelivery | undefined {
    return this.items[0];
  }

  /** Appends and flushes; resolves once the deliveries are on the disk, in call order. */
  append(deliveries: readonly QueuedDelivery[]): Promise<void> {
    const run = async (): Promise<void> => {
      const lines = deliveries.map((d) => {
        const text = `${JSON.stringify({ id: d.id, body: d.body })}\n`;
        return { ...d, bytes: Buffer.byteLength(text), text };
      });
      await this.file.append(Buffer.from(lines.map((l) => l.text).join('')));
      await this.file.sync();
      for (const l of lines) this.items.push({ id: l.id, body: l.body, bytes: l.bytes });
    };
    const next = this.appending.then(run);
    this.appending = next.catch(() => undefined);
    return next;
  }

  /** The head arrived. Its removal is on the disk after the next save. */
  ack(): void {
    const done = this.items.shift();
    if (done) this.offset += done.bytes;
  }

  /** Saves the position and health (writes queue up; the last one wins). */
  save(health: EndpointHealth): Promise<void> {
    const run = async (): Promise<void> => {
      if (this.items.length === 0 && this.offset > COMPACT_AFTER_BYTES) {
        await this.appending;
        // truncate first: a stop between the two leaves an offset past the end, read as empty
        if (this.items.length === 0) {
          await this.file.truncate(0);
          this.offset = 0;
        }
      }
      await writeDurably(
        join(this.dir, `${this.id}.state.json`),
        JSON.stringify({ offset: this.offset, health } satisfies Saved),
      );
    };
    const next = this.saving.then(run);
    this.saving = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.appending;
    await this.saving;
    await this.file.close();
  }

  /** Closes and deletes the endpoint's files. */
  async remove(): Promise<void> {
    await this.close();
    await rm(join(this.dir, `${this.id}.jsonl`), { force: true });
    await rm(join(this.dir, `${this.id}.state.json`), { force: true });
  }
}

function parseLines(buf: Buffer, start: number): { items: Line[]; goodEnd: number } {
  const items: Line[] = [];
  let pos = 0;
  for (;;) {
    const nl = buf.indexOf(0x0a, pos);
    if (nl < 0) break;
    const line = parseLine(buf.subarray(pos, nl).toString('utf8'));
    if (!line) break;
    items.push({ ...line, bytes: nl + 1 - pos });
    pos = nl + 1;
  }
  return { items, goodEnd: start + pos };
}

function parseLine(text: string): QueuedDelivery | undefined {
  try {
    const x = JSON.parse(text) as Partial<QueuedDelivery>;
    return typeof x.id === 'string' && typeof x.body === 'string'
      ? { id: x.id, body: x.body }
      : undefined;
  } catch {
    return undefined;
  }
}

async function readSaved(path: string): Promise<Saved> {
  try {
    const x = JSON.parse(await readFile(path, 'utf8')) as Partial<Saved>;
    if (typeof x.offset === 'number' && typeof x.health === 'object' && x.health) {
      return { offset: x.offset, health: x.health };
    }
  } catch {
    // missing (a new endpoint) or unreadable: start from the beginning, at least once
  }
  return { offset: 0, health: { failures: 0 } };
}

/** Replaces a small file whole: a stop leaves the old one or the new one, never half. */
export async function writeDurably(path: string, text: string): Promise<void> {
  const tmp = `${path}.tmp`;
  const h = await open(tmp, 'w');
  try {
    await h.writeFile(text);
    await h.datasync();
  } finally {
    await h.close();
  }
  await rename(tmp, path);
}
