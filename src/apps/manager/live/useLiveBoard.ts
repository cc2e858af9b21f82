import type { ServiceConfig } from '../../../domain/config/types.ts';
import { startOfDay } from '../../../domain/queue/day.ts';
import {
  liveCounters,
  liveServiceStats,
  type LiveCounter,
  type LiveServiceStats,
} from '../../../domain/reports/live.ts';
import { useNow } from '../../../ui/useNow.ts';
import type { QueueWait } from '../../runtime/types.ts';
import { useDevice, useRuntime } from '../../shell/device-context.ts';

export interface LiveService {
  readonly service: ServiceConfig;
  readonly stats: LiveServiceStats;
  readonly wait: QueueWait;
}

/**
 * The live board's data, from this device's own replica and estimator (so it keeps going
 * offline): re-read on every change and every few seconds, since waits grow by themselves.
 */
export function useLiveBoard(): { services: LiveService[]; counters: LiveCounter[]; now: number } {
  const runtime = useRuntime();
  const { state } = useDevice();
  const now = useNow(5_000);
  const { config } = runtime;
  const stats = liveServiceStats(state, config, now, startOfDay(now, config.store.timeZone));
  return {
    // (the manager's runtime loads its wait model before the screen starts)
    services: config.services.flatMap((service, i) => {
      const wait = runtime.estimate(service.id);
      return wait ? [{ service, stats: stats[i]!, wait }] : [];
    }),
    counters: liveCounters(state, config, now),
    now,
  };
}
