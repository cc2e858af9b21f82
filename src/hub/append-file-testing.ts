/** A disk for tests that fills up or turns read-only on demand (the AppendFile port). */
import { openAppendFile, type OpenAppendFile } from './append-file.ts';

export interface FaultyDisk {
  readonly open: OpenAppendFile;
  /** Appends write `bytes` more bytes, then fail with ENOSPC leaving the rest unwritten. */
  fillAfter(bytes: number): void;
  /** Every open, append and truncate fails with EROFS, as on a read-only mount. */
  readOnly(): void;
  /** Cutting a file back fails with EIO (a disk failing harder). */
  stuck(): void;
  /** Writes work again. */
  heal(): void;
  /** Appends that failed so far. */
  readonly failedAppends: number;
}

export function diskError(code: string): NodeJS.ErrnoException {
  const messages: Record<string, string> = {
    ENOSPC: 'no space left on device',
    EROFS: 'read-only file system',
  };
  return Object.assign(new Error(`${code}: ${messages[code] ?? 'i/o error'}, write`), { code });
}

export function faultyDisk(): FaultyDisk {
  let room = Infinity;
  let readOnly = false;
  let stuck = false;
  let failed = 0;
  const disk: FaultyDisk = {
    open: async (path) => {
      if (readOnly) throw diskError('EROFS');
      const file = await openAppendFile(path);
      return {
        ...file,
        append: async (data) => {
          if (readOnly) {
            failed++;
            throw diskError('EROFS');
          }
          if (data.length <= room) {
            room -= data.length;
            return file.append(data);
          }
          // a full disk takes what fits, then refuses the rest: a torn line is left behind
          const part = data.subarray(0, room);
          room = 0;
          if (part.length > 0) await file.append(part);
          failed++;
          throw diskError('ENOSPC');
        },
        truncate: (length) => {
          if (readOnly) return Promise.reject(diskError('EROFS'));
          if (stuck) return Promise.reject(diskError('EIO'));
          return file.truncate(length);
        },
      };
    },
    fillAfter: (bytes) => {
      room = bytes;
    },
    readOnly: () => {
      readOnly = true;
    },
    stuck: () => {
      stuck = true;
    },
    heal: () => {
      room = Infinity;
      readOnly = false;
      stuck = false;
    },
    get failedAppends() {
      return failed;
    },
  };
  return disk;
}
