/** A disk for tests that fills up or turns read-only on demand (the AppendFile port). */
import { openAppendFile, type AppendFile, type OpenAppendFile } from './append-file.ts';

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

/**
 * One life of a process's disk, for crash tests: `crash()` is `kill -9` between writes, and
 * `tearNextAppend` is `kill -9` in the middle of one, leaving part of it as a torn last line.
 * Once crashed, every operation of this life hangs (a dead process does nothing more); the
 * next life opens the same files anew, as a restarted hub does.
 */
export interface CrashableDisk {
  readonly open: OpenAppendFile;
  /** The next append writes `keep(length)` bytes of its data (fewer than all), then dies. */
  tearNextAppend(keep: (length: number) => number): void;
  crash(): void;
  readonly crashed: boolean;
  /** A torn append is armed and has not happened yet. */
  readonly armed: boolean;
  /** Bytes of a torn write left on disk by this life's crash (0: none). */
  readonly tornBytes: number;
  /** Called once, when this life dies. */
  onCrash?: () => void;
}

export function crashableDisk(): CrashableDisk {
  let tear: ((length: number) => number) | undefined;
  let dead = false;
  let torn = 0;
  const files = new Set<AppendFile>();
  const never = <T>(): Promise<T> => new Promise<T>(() => undefined);
  const die = () => {
    if (dead) return;
    dead = true;
    // the process is gone: its file handles with it
    for (const f of files) void f.close().catch(() => undefined);
    disk.onCrash?.();
  };
  const alive =
    <A extends unknown[], R>(fn: (...a: A) => Promise<R>) =>
    (...a: A): Promise<R> =>
      dead ? never<R>() : fn(...a);
  const disk: CrashableDisk = {
    open: alive(async (path) => {
      const file = await openAppendFile(path);
      files.add(file);
      return {
        size: alive(() => file.size()),
        sync: alive(() => file.sync()),
        truncate: alive((length) => file.truncate(length)),
        read: alive((position, length) => file.read(position, length)),
        close: () => (files.delete(file), file.close()),
        append: alive(async (data) => {
          if (!tear) return file.append(data);
          const keep = Math.max(0, Math.min(data.length - 1, tear(data.length)));
          tear = undefined;
          if (keep > 0) await file.append(data.subarray(0, keep));
          torn = keep;
          die();
          return never();
        }),
      };
    }),
    tearNextAppend: (keep) => {
      tear = keep;
    },
    crash: die,
    get crashed() {
      return dead;
    },
    get armed() {
      return tear !== undefined && !dead;
    },
    get tornBytes() {
      return torn;
    },
  };
  return disk;
}
