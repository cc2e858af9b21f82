import { useEffect, useRef, useState } from 'react';
import type { ServiceConfig } from '../../domain/config/types.ts';
import { waitingCountByService } from '../../domain/queue/selectors.ts';
import {
  WaitAlerts,
  waitReading,
  type ActiveWaitAlert,
  type WaitAlertChange,
} from '../../domain/wait/alerts.ts';
import { serviceWaitLevel, type ServiceWaitLevel } from '../../domain/wait/levels.ts';
import { useNow } from '../../ui/useNow.ts';
import type { QueueWait } from '../runtime/types.ts';
import { useDevice, useRuntime } from '../shell/device-context.ts';
import { signalAlert } from './alert-signal.ts';

export interface FloorWait {
  readonly service: ServiceConfig;
  readonly wait: QueueWait;
  readonly waiting: number;
  readonly level: ServiceWaitLevel;
}

/** Waits are looked at again this often even when nothing happens (visits go on). */
const REFRESH_MS = 15_000;
const RECENT_CHANGES = 8;

/**
 * The floor view's data: every service's wait from this device's own replica and estimator
 * (so it works offline), and wait alerts decided by the same rules as the hub's
 * (domain/wait/alerts.ts). A new alert plays the signal and vibrates.
 */
export function useFloorWaits(): {
  waits: FloorWait[];
  active: ActiveWaitAlert[];
  recent: WaitAlertChange[];
} {
  const runtime = useRuntime();
  const { state } = useDevice(); // re-renders on every change on the device
  useNow(REFRESH_MS); // and every REFRESH_MS, since visits go on
  // The runtime keeps an estimate for a few seconds, so this is cheap on every render.
  const counts = waitingCountByService(state);
  // (the floor's runtime loads its wait model before the screen starts: never undefined here)
  const waits = runtime.config.services.flatMap((service): FloorWait[] => {
    const wait = runtime.estimate(service.id);
    if (!wait) return [];
    return [
      {
        service,
        wait,
        waiting: counts.get(service.id) ?? 0,
        level: serviceWaitLevel(wait, service.targetWaitSec),
      },
    ];
  });

  const alerts = useRef<WaitAlerts | null>(null);
  alerts.current ??= new WaitAlerts();
  const [recent, setRecent] = useState<WaitAlertChange[]>([]);
  // After every render (`waits` is new each time), the readings go through the alert rules;
  // they change state rarely (hysteresis, minimum interval), so this settles at once.
  useEffect(() => {
    const tracker = alerts.current;
    if (!tracker) return;
    const at = Date.now();
    const changes = waits.flatMap((w) => {
      const change = tracker.update(waitReading(w.service.id, w.wait, w.service.targetWaitSec, at));
      return change ? [change] : [];
    });
    if (changes.length === 0) return;
    if (changes.some((c) => c.kind === 'raised')) signalAlert();
    setRecent((before) => [...changes, ...before].slice(0, RECENT_CHANGES));
  }, [waits]);

  return { waits, active: alerts.current.active(), recent };
}
