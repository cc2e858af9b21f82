import { describe, expect, it } from 'vitest';
import type { StoreConfig } from '../../domain/config/types.ts';
import { stationInConfig } from './clerk-station.ts';

const config = {
  services: [{ id: 'advice' }, { id: 'returns' }],
  counters: [{ id: 'counter-1', services: ['advice'] }],
} as unknown as StoreConfig;

describe('stationInConfig', () => {
  it('keeps a station that fits the configuration', () => {
    const station = { counter: 'counter-1', services: ['advice', 'returns'] };
    expect(stationInConfig(station, config)).toEqual(station);
  });

  it('drops services the store no longer has', () => {
    expect(stationInConfig({ counter: 'counter-1', services: ['gone', 'advice'] }, config)).toEqual(
      {
        counter: 'counter-1',
        services: ['advice'],
      },
    );
  });

  it('asks for setup when the counter or every service is unknown', () => {
    expect(stationInConfig(undefined, config)).toBeUndefined();
    expect(stationInConfig({ counter: 'counter-9', services: ['advice'] }, config)).toBeUndefined();
    expect(stationInConfig({ counter: 'counter-1', services: ['gone'] }, config)).toBeUndefined();
  });
});
