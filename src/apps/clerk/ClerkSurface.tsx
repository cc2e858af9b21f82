import { useState } from 'react';
import { useRuntime } from '../shell/device-context.ts';
import { savedStation, stationInConfig, type ClerkStation } from './clerk-station.ts';
import { CounterSetup } from './CounterSetup.tsx';
import { WorkScreen } from './WorkScreen.tsx';
import './clerk.css';

/** The staff handheld: set up a counter once, then call and serve customers. */
export function ClerkSurface() {
  const { config } = useRuntime();
  const [station, setStation] = useState(() => stationInConfig(savedStation.read(), config));

  if (!station) {
    return (
      <CounterSetup
        onOpened={(opened: ClerkStation) => {
          savedStation.write(opened);
          setStation(opened);
        }}
      />
    );
  }
  return (
    <WorkScreen
      station={station}
      onClosed={() => {
        savedStation.clear();
        setStation(undefined);
      }}
    />
  );
}
