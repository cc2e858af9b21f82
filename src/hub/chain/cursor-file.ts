/**
 * The store link's cursor on the hub's disk (`<data>/<store>/chain/cursor.json`): what the chain
 * acknowledged, per device, and the first store day that may still hold an unacknowledged event
 * (so a restart reads the history from there, not from the first day). Written atomically:
 * a temporary file flushed, renamed over the old one, the folder flushed; a crash leaves one
 * whole version or the other.
 */
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCursor, type PersistedCursor } from '../../domain/chain/link-cursor.ts';

export interface CursorFileContent {
  readonly cursor: PersistedCursor;
  /** Days before this one hold no unacknowledged event; undefined: read every day. */
  readonly scanFrom?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function cursorPath(storeDir: string): string {
  return join(storeDir, 'chain', 'cursor.json');
}

/** The cursor last written, or an empty one; a damaged file is an error naming it. */
export async function readCursorFile(path: string): Promise<CursorFileContent> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { cursor: { devices: {} } };
    throw err;
  }
  try {
    const cursor = parseCursor(text);
    const scanFrom = (JSON.parse(text) as { scanFrom?: unknown }).scanFrom;
    return typeof scanFrom === 'string' && DAY.test(scanFrom) ? { cursor, scanFrom } : { cursor };
  } catch (err) {
    throw new Error(
      `the chain cursor ${path} is damaged (${(err as Error).message}): move it away and the hub sends the whole history again`,
      { cause: err },
    );
  }
}

/** Writes the file atomically and durably (see the first comment). */
export async function writeCursorFile(path: string, content: CursorFileContent): Promise<void> {
  const dir = join(path, '..');
  await mkdir(dir, { recursive: true });
  const tmp = `${path}.tmp`;
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(JSON.stringify({ ...content.cursor, scanFrom: content.scanFrom }));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, path);
  const folder = await open(dir, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}
