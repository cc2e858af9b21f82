import { useEffect, useState } from 'react';
import { diskTrouble, type DiskProblem } from '../../../domain/health/disk.ts';

/** How often the board asks the hub how its disk is doing. */
const EVERY_MS = 30_000;

/**
 * The hub's data folder: 'ok', its trouble (GET /api/health answers 503 while writes fail),
 * or undefined until the hub answers (unreachable: the offline banner already says so).
 */
export function useHubDisk(everyMs = EVERY_MS): DiskProblem | 'ok' | undefined {
  const [trouble, setTrouble] = useState<DiskProblem | 'ok' | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const check = (): void => {
      fetch('/api/health', { cache: 'no-store' })
        .then((res) => res.json() as Promise<unknown>)
        .then((body) => {
          if (live) setTrouble(diskTrouble(body) ?? 'ok');
        })
        .catch(() => undefined);
    };
    check();
    const id = setInterval(check, everyMs);
    return () => {
      live = false;
      clearInterval(id);
    };
  }, [everyMs]);
  return trouble;
}
