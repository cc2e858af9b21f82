import { useState } from 'react';
import { needsSignIn } from '../../domain/security/staff.ts';
import { useDevice, useRuntime } from '../shell/device-context.ts';
import { StaffBar, StaffSignIn } from './StaffSignIn.tsx';
import { savedStation, stationInConfig, type ClerkStation } from './clerk-station.ts';
import { CounterSetup } from './CounterSetup.tsx';
import { WorkScreen } from './WorkScreen.tsx';
import './clerk.css';

/** The staff handheld: set up a counter once, then call and serve customers. */
export function ClerkSurface() {
  const { config, deviceId } = useRuntime();
  const { state } = useDevice();
  const [station, setStation] = useState(() => stationInConfig(savedStation.read(), config));

  if (needsSignIn(config, state, deviceId)) return <StaffSignIn />;

  if (!station) {
    return (
      <>
        <StaffBar />
        <CounterSetup
          onOpened={(opened: ClerkStation) => {
            savedStation.write(opened);
            setStation(opened);
          }}
        />
      </>
    );
  }
  return (
    <>
      <StaffBar />
      <WorkScreen
        station={station}
        onClosed={() => {
          savedStation.clear();
          setStation(undefined);
        }}
      />
    </>
  );
}
