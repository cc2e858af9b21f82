import { AlertsPanel } from '../AlertsPanel.tsx';
import { CountersPanel } from './CountersPanel.tsx';
import { DevicesOnlinePanel } from './DevicesOnlinePanel.tsx';
import { ServicesPanel } from './ServicesPanel.tsx';
import { useLiveBoard } from './useLiveBoard.ts';

/** The live board: the lines first, then calls for a manager, counters and devices. */
export function LiveBoard() {
  const { services, counters } = useLiveBoard();
  return (
    <div className="manager__live">
      <ServicesPanel services={services} />
      <div className="manager__panels">
        <AlertsPanel />
        <CountersPanel counters={counters} />
        <DevicesOnlinePanel />
      </div>
    </div>
  );
}
