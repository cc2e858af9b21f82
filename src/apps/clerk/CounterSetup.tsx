import { useState } from 'react';
import { useRuntime } from '../shell/device-context.ts';
import type { ClerkStation } from './clerk-station.ts';
import { CounterPicker } from './CounterPicker.tsx';
import { ServicePicker } from './ServicePicker.tsx';

/** Choose the counter, then what it serves today, then open it. */
export function CounterSetup({ onOpened }: { onOpened: (station: ClerkStation) => void }) {
  const { config } = useRuntime();
  const [counterId, setCounterId] = useState<string>();
  const counter = config.counters.find((c) => c.id === counterId);
  return (
    <main className="clerk clerk-setup">
      {counter ? (
        <ServicePicker
          counter={counter}
          onBack={() => setCounterId(undefined)}
          onOpened={onOpened}
        />
      ) : (
        <CounterPicker onChoose={setCounterId} />
      )}
    </main>
  );
}
