import { readFileSync } from 'node:fs';

/** Linux clock ticks per second for /proc/<pid>/stat times (USER_HZ, 100 on every distro). */
const TICKS_PER_SEC = 100;

/** CPU seconds (user + system) a process has used so far, from /proc; 0 if it is gone. */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name may hold spaces: the fields after it start past the last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SEC;
  } catch {
    return 0;
  }
}

/** Resident memory of a process in bytes, from /proc; 0 if it is gone. */
export function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * CPU use over an interval, in percent of one core: this process (the load generator) and
 * the given other processes (hub, broker), so a reader can tell which one was the limit.
 */
export function cpuMeter(pids: readonly number[]): {
  stop(): { generator: number; others: number };
} {
  const t0 = performance.now();
  const own0 = process.cpuUsage();
  const others0 = pids.reduce((s, p) => s + cpuSecondsOf(p), 0);
  return {
    stop() {
      const wallSec = (performance.now() - t0) / 1000;
      const own = process.cpuUsage(own0);
      const others = pids.reduce((s, p) => s + cpuSecondsOf(p), 0) - others0;
      // to a tenth of a percent: a light step's hub used under half a percent of a core, which
      // whole percents showed as 0 (the clock ticks of /proc are 10 ms)
      const pct = (sec: number): number => Math.round((sec / wallSec) * 1000) / 10;
      return { generator: pct((own.user + own.system) / 1e6), others: pct(others) };
    },
  };
}
