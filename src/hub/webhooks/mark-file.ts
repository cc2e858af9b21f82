import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { QueuedMark } from '../../domain/webhooks/replay.ts';
import { writeDurably } from './queue-file.ts';

/**
 * The webhooks' queued mark on the hub's disk (`queued.json`, src/domain/webhooks/replay.ts),
 * replaced whole (write, fsync, rename). Writes are coalesced: while one is on its way, only
 * the newest mark waits for the next, so a busy store costs one small write at a time.
 */
export class MarkFile {
  private wanted: QueuedMark | undefined;
  private writing: Promise<void> | undefined;

  private constructor(
    private readonly path: string,
    private current: QueuedMark | undefined,
    private readonly warn: (message: string) => void,
  ) {}

  /** The saved mark, or none: the webhooks never ran here (nothing before now is replayed). */
  static async open(dir: string, warn: (message: string) => void): Promise<MarkFile> {
    const path = join(dir, 'queued.json');
    return new MarkFile(path, await readMark(path), warn);
  }

  get value(): QueuedMark | undefined {
    return this.current;
  }

  /** Saves `mark` soon (a failed write keeps the older mark: more is replayed, nothing lost). */
  set(mark: QueuedMark): void {
    this.current = mark;
    this.wanted = mark;
    this.writing ??= this.drain();
  }

  /** Resolves once the newest mark set is on the disk (or its write failed). */
  async flush(): Promise<void> {
    await this.writing;
  }

  private async drain(): Promise<void> {
    let failed = false;
    while (this.wanted) {
      const mark = this.wanted;
      this.wanted = undefined;
      try {
        await writeDurably(this.path, JSON.stringify(mark));
      } catch (err) {
        if (!failed) this.warn(`queued mark not saved: ${(err as Error).message}`);
        failed = true;
      }
    }
    this.writing = undefined;
  }
}

async function readMark(path: string): Promise<QueuedMark | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const x = JSON.parse(text) as unknown;
    if (typeof x === 'object' && x !== null && !Array.isArray(x)) {
      const mark = Object.entries(x).filter(([, v]) => Number.isSafeInteger(v));
      return Object.fromEntries(mark);
    }
  } catch {
    // unreadable (cannot be torn: it is renamed into place): replay the whole log held
  }
  return {};
}
