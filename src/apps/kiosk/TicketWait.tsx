import type { QueueWait } from '../runtime/types.ts';
import { waitInMinutes } from '../../domain/wait/minutes.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';

/** "3 people ahead of you", "About 12 minutes (8–17 minutes)", honestly, with its range. */
export function TicketWait({ ahead, wait }: { ahead: number; wait: QueueWait | undefined }) {
  const { t, duration, durationRange } = useT();
  const aheadLine = (
    <p className="kiosk-ticket__ahead" data-testid="ticket-ahead" data-ahead={ahead}>
      {t('kiosk.ticket.ahead', { count: ahead })}
    </p>
  );
  // the wait model is still loading (a tap right after the kiosk started): no number yet
  if (!wait) return aheadLine;
  const minutes = waitInMinutes(wait);
  return (
    <>
      {aheadLine}
      <p
        className="kiosk-ticket__wait"
        data-testid="ticket-wait"
        data-estimate-sec={wait.estimateSec}
        data-low-sec={wait.lowSec}
        data-high-sec={wait.highSec}
      >
        {minutes.kind === 'underMinute'
          ? t('kiosk.ticket.waitUnderMinute')
          : t('kiosk.ticket.waitAbout', {
              estimate: duration(minutes.estimate),
              range: durationRange(minutes.low, minutes.high),
            })}
      </p>
      {wait.openCounters === 0 && (
        <p className="kiosk-ticket__note">{t('kiosk.ticket.noCounterOpen')}</p>
      )}
    </>
  );
}
