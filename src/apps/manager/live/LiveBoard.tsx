import { AlertsPanel } from '../AlertsPanel.tsx';
import { BookingsPanel } from './BookingsPanel.tsx';
import { ChainLinkPanel } from './ChainLinkPanel.tsx';
import { CountersPanel } from './CountersPanel.tsx';
import { DevicesOnlinePanel } from './DevicesOnlinePanel.tsx';
import { HubDiskBanner } from './HubDiskBanner.tsx';
import { useHubDisk } from './useHubDisk.ts';
import { ServicesPanel } from './ServicesPanel.tsx';
import { useLiveBoard } from './useLiveBoard.ts';

/**
 * The live board: the hub's disk trouble if any, the store's link to its chain if it has one,
 * then calls for a manager (at the top: on a
 * wall screen they are what must be seen from across the room), the lines, counters and
 * today's bookings and devices.
 */
export function LiveBoard() {
  const { services, counters } = useLiveBoard();
  const disk = useHubDisk();
  return (
    <div className="manager__live" data-hub-disk={disk ?? 'unknown'}>
      {disk && disk !== 'ok' && <HubDiskBanner trouble={disk} />}
      <ChainLinkPanel />
      <AlertsPanel />
      <ServicesPanel services={services} />
      <div className="manager__panels">
        <CountersPanel counters={counters} />
        <BookingsPanel />
        <DevicesOnlinePanel />
      </div>
    </div>
  );
}
