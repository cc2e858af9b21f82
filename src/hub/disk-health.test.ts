import { describe, expect, it } from 'vitest';
import { diskTrouble } from '../domain/health/disk.ts';
import type { Clock } from '../sync/ports.ts';
import { diskError } from './append-file-testing.ts';
import { createDiskHealth, DISK_LOG_EVERY_MS } from './disk-health.ts';
import { createMemoryLogger } from './log.ts';

/** A clock whose timers run only when the test moves time on. */
function manualClock(start = Date.UTC(2026, 2, 3, 9)) {
  let now = start;
  const timers: { at: number; fn: () => void }[] = [];
  const clock: Clock & { advance(ms: number): void } = {
    now: () => now,
    after(ms, fn) {
      const t = { at: now + ms, fn };
      timers.push(t);
      return () => timers.splice(timers.indexOf(t) >>> 0, 1);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > end) break;
        timers.shift();
        now = next.at;
        next.fn();
      }
      now = end;
    },
  };
  return clock;
}

describe('disk health', () => {
  it('logs a failing disk once a minute with the count, and when it works again', () => {
    const clock = manualClock();
    const log = createMemoryLogger();
    const disk = createDiskHealth({ log, clock });
    expect(disk.status()).toEqual({ ok: true, failedWrites: 0 });

    // what a full disk did before: 282 failed writes in 5 s
    for (let i = 0; i < 282; i++) {
      disk.failed('events', diskError('ENOSPC'));
      clock.advance(5000 / 282);
    }
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]).toMatch(
      /ERROR disk {4}the disk is full: 1 failed write since the last report \(1 in all\).*Last error: the event history: ENOSPC/,
    );
    expect(disk.status()).toMatchObject({
      ok: false,
      problem: 'full',
      code: 'ENOSPC',
      failedWrites: 282,
    });

    clock.advance(DISK_LOG_EVERY_MS);
    expect(log.lines).toHaveLength(2);
    expect(log.lines[1]).toMatch(/281 failed writes since the last report \(282 in all\)/);

    // a quiet minute with nothing new to say says nothing
    clock.advance(DISK_LOG_EVERY_MS * 3);
    expect(log.lines).toHaveLength(2);

    disk.succeeded('events');
    expect(disk.status()).toEqual({ ok: true, failedWrites: 282 });
    expect(log.lines).toHaveLength(3);
    expect(log.lines[2]).toMatch(/INFO {2}disk {4}writing to the data folder works again/);
    disk.close();
  });

  it('finds a read-only folder with its probe before any write, and sees it heal', async () => {
    const clock = manualClock();
    const log = createMemoryLogger();
    let readOnly = true;
    const disk = createDiskHealth({
      log,
      clock,
      probe: () => (readOnly ? Promise.reject(diskError('EROFS')) : Promise.resolve()),
    });
    await Promise.resolve();
    await Promise.resolve();
    const red = disk.status();
    expect(red).toMatchObject({ ok: false, problem: 'readOnly', code: 'EROFS', failedWrites: 0 });
    expect(diskTrouble({ ok: false, disk: red })).toBe('readOnly');
    expect(log.find('the data folder is read-only')).toHaveLength(1);

    readOnly = false;
    clock.advance(10_000);
    await Promise.resolve();
    await Promise.resolve();
    expect(disk.status().ok).toBe(true);
    expect(diskTrouble({ ok: true, disk: disk.status() })).toBeUndefined();
    disk.close();
  });
});

describe('diskTrouble', () => {
  it('reads the trouble from any answer, and nothing from an older hub', () => {
    expect(diskTrouble({ ok: false, disk: { ok: false, problem: 'full' } })).toBe('full');
    expect(diskTrouble({ ok: false, disk: { ok: false, problem: 'weird' } })).toBe('failing');
    expect(diskTrouble({ ok: true, store: 's', uptimeSec: 1 })).toBeUndefined();
    expect(diskTrouble('nonsense')).toBeUndefined();
    expect(diskTrouble(null)).toBeUndefined();
  });
});
