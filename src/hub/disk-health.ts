import { unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  describeDiskProblem,
  diskProblem,
  type DiskProblem,
  type DiskStatus,
} from '../domain/health/disk.ts';
import type { Clock } from '../sync/ports.ts';
import type { Logger } from './log.ts';

/** What the hub writes: the store's day files and outbox, its device list, a probe file. */
export type DiskArea = 'events' | 'devices' | 'probe';

/** Told by every writer of the data folder how each write went. */
export interface DiskReport {
  failed(area: DiskArea, err: unknown): void;
  succeeded(area: DiskArea): void;
}

export interface DiskHealth extends DiskReport {
  status(): DiskStatus;
  /** The data folder's part of GET /api/health: not ok while writes fail. */
  health(): { ok: boolean; disk: DiskStatus; reason?: string };
  close(): void;
}

export interface DiskHealthOptions {
  readonly log: Logger;
  readonly clock?: Clock;
  /**
   * Writes and removes a small file in the data folder, so a read-only or full folder shows
   * before any event fails, and recovery shows when no event comes. Absent: no probe.
   */
  readonly probe?: () => Promise<void>;
}

/** At most one log line a minute about the disk, whatever the number of failed writes. */
export const DISK_LOG_EVERY_MS = 60_000;
const PROBE_EVERY_MS = 60_000;
const PROBE_FAILING_EVERY_MS = 10_000;

/** The system clock with timers that do not keep the process alive. */
const backgroundClock: Clock = {
  now: () => Date.now(),
  after: (ms, fn) => {
    const t = setTimeout(fn, ms);
    t.unref();
    return () => clearTimeout(t);
  },
};

/** Writes a probe file into `dir` and removes it. */
export function probeFolder(dir: string): () => Promise<void> {
  const path = join(dir, '.nextup-probe');
  return async () => {
    await writeFile(path, `${Date.now()}\n`);
    await unlink(path);
  };
}

/**
 * The data folder's health: red from a failed write until a write succeeds, so nothing on
 * the disk's word is believed while it is refusing; and a log that counts instead of
 * repeating (a full disk once wrote 282 warnings in 5 s).
 */
export function createDiskHealth(opts: DiskHealthOptions): DiskHealth {
  const { log } = opts;
  const clock = opts.clock ?? backgroundClock;
  const failing = new Map<DiskArea, { code: string | undefined; since: number }>();
  let lastError = '';
  let failedWrites = 0;
  let unlogged = 0;
  let saidFailing = false;
  let loggedAt = -Infinity;
  let cancelFlush: (() => void) | undefined;
  let cancelProbe: (() => void) | undefined;
  let closed = false;

  const latest = (): { code: string | undefined; since: number } | undefined => {
    let last: { code: string | undefined; since: number } | undefined;
    for (const f of failing.values()) if (!last || f.since >= last.since) last = f;
    return last;
  };
  const problem = (): DiskProblem | undefined => {
    const last = latest();
    return last ? diskProblem(last.code) : undefined;
  };

  const flush = (): void => {
    const bad = problem();
    if (unlogged === 0 && (bad !== undefined) === saidFailing) return;
    const count = `${unlogged} failed write${unlogged === 1 ? '' : 's'}`;
    if (bad !== undefined) {
      log.error(
        'disk',
        `${describeDiskProblem(bad)}: ${count} since the last report (${failedWrites} in all); nothing is acknowledged until writes work again. Last error: ${lastError}`,
      );
    } else {
      log.info('disk', `writing to the data folder works again (${count} since the last report)`);
    }
    saidFailing = bad !== undefined;
    unlogged = 0;
    loggedAt = clock.now();
  };

  const report = (): void => {
    if (closed) return;
    const wait = loggedAt + DISK_LOG_EVERY_MS - clock.now();
    if (wait <= 0) return flush();
    cancelFlush ??= clock.after(wait, () => {
      cancelFlush = undefined;
      flush();
    });
  };

  const runProbe = async (): Promise<void> => {
    if (!opts.probe || closed) return;
    try {
      await opts.probe();
      health.succeeded('probe');
    } catch (err) {
      health.failed('probe', err);
    }
    if (closed) return;
    cancelProbe = clock.after(failing.size > 0 ? PROBE_FAILING_EVERY_MS : PROBE_EVERY_MS, () => {
      void runProbe();
    });
  };

  const health: DiskHealth = {
    failed(area, err) {
      const code = (err as NodeJS.ErrnoException | undefined)?.code;
      const what = { events: 'the event history', devices: 'the device list', probe: 'a probe' };
      lastError = `${what[area]}: ${err instanceof Error ? err.message : String(err)}`;
      // the probe is a check, not the store's work: it turns health red but is not counted
      if (area !== 'probe') {
        failedWrites++;
        unlogged++;
      }
      failing.set(area, { code, since: failing.get(area)?.since ?? clock.now() });
      report();
    },
    succeeded(area) {
      // a probe that writes means the folder takes writes again: what failed before was
      // either refused plainly (enrollment) or is resent by its device (events)
      if (area === 'probe') {
        if (failing.size === 0) return;
        failing.clear();
      } else if (!failing.delete(area)) return;
      report();
    },
    status() {
      const bad = problem();
      if (bad === undefined) return { ok: true, failedWrites };
      const since = Math.min(...[...failing.values()].map((f) => f.since));
      const code = latest()?.code;
      return {
        ok: false,
        problem: bad,
        ...(code !== undefined ? { code } : {}),
        failedWrites,
        since: new Date(since).toISOString(),
      };
    },
    health() {
      const disk = health.status();
      return {
        ok: disk.ok,
        disk,
        ...(disk.problem ? { reason: describeDiskProblem(disk.problem) } : {}),
      };
    },
    close() {
      closed = true;
      cancelFlush?.();
      cancelProbe?.();
    },
  };
  void runProbe();
  return health;
}
