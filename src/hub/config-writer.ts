import { copyFile, open, rename, unlink } from 'node:fs/promises';

/**
 * Replaces the config file so that a crash or a full disk leaves either the old file or the
 * new one, never half of one: the new text goes to a temporary file beside it, reaches the
 * disk, and is renamed over the old one. The old file is kept as `<file>.bak` first.
 */
export async function writeConfigFile(file: string, text: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    const handle = await open(temp, 'w', 0o644);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await copyFile(file, backupFile(file));
    await rename(temp, file);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
}

/** Where the previous config is kept after a write from the settings. */
export function backupFile(file: string): string {
  return `${file}.bak`;
}
