import type { StoreConfig } from '../../domain/config/types.ts';
import { localSetting } from '../../ui/local-setting.ts';

/** The counter this handheld works at and the services it serves there. */
export interface ClerkStation {
  readonly counter: string;
  readonly services: readonly string[];
}

function isStation(v: unknown): v is ClerkStation {
  if (typeof v !== 'object' || v === null) return false;
  const { counter, services } = v as Record<string, unknown>;
  return (
    typeof counter === 'string' &&
    Array.isArray(services) &&
    services.every((s) => typeof s === 'string')
  );
}

export const savedStation = localSetting('nextup.clerk.station', isStation);

/**
 * A remembered station as it still fits the configuration: unknown services are dropped and
 * an unknown counter, or one with no service left, means setting up again.
 */
export function stationInConfig(
  station: ClerkStation | undefined,
  config: StoreConfig,
): ClerkStation | undefined {
  if (!station || !config.counters.some((c) => c.id === station.counter)) return undefined;
  const services = station.services.filter((id) => config.services.some((s) => s.id === id));
  return services.length > 0 ? { counter: station.counter, services } : undefined;
}
