import { open } from 'node:fs/promises';

/**
 * The one way the hub writes its day files: append, flush, read back the tail, cut back.
 * A test disk (src/hub/append-file-testing.ts) fails these the way a full disk does.
 */
export interface AppendFile {
  /** Bytes in the file now. */
  size(): Promise<number>;
  /** Appends at the end; on failure part of `data` may already be in the file. */
  append(data: Buffer): Promise<void>;
  /** Flushes written data to the disk (fdatasync). */
  sync(): Promise<void>;
  truncate(length: number): Promise<void>;
  /** Up to `length` bytes from `position`. */
  read(position: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

/** Opens a file for appending (created if missing). */
export type OpenAppendFile = (path: string) => Promise<AppendFile>;

export const openAppendFile: OpenAppendFile = async (path) => {
  // a+: appends always go to the end, and the tail can be read back for repair
  const h = await open(path, 'a+');
  return {
    size: async () => (await h.stat()).size,
    append: (data) => h.appendFile(data),
    sync: () => h.datasync(),
    truncate: (length) => h.truncate(length),
    read: async (position, length) => {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await h.read(buf, 0, length, position);
      return buf.subarray(0, bytesRead);
    },
    close: () => h.close(),
  };
};
