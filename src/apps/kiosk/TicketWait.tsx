import { aheadToTell, type LinePlace } from '../../domain/wait/ahead.ts';
import { waitInMinutes } from '../../domain/wait/minutes.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import type { QueueWait } from '../runtime/types.ts';

/**
 * "3 people ahead of you", "About 12 minutes (8–17 minutes)", honestly, with its range; with
 * no counter open for the service, that and no number. The place comes from the line model
 * (domain/wait/ahead.ts): "You are next" only when a counter serves the ticket. Neither while
 * the kiosk is still catching up with the store after a start: it says it is checking.
 */
export function TicketWait(props: {
  place: LinePlace;
  wait: QueueWait | undefined;
  /** The hub's catch-up after a start is on its way: the place and wait are not known yet. */
  checking: boolean;
}) {
  const { place, wait } = props;
  const { t, duration, durationRange } = useT();
  if (props.checking) {
    return (
      <p className="kiosk-ticket__wait" data-testid="ticket-checking">
        {t('kiosk.ticket.checking')}
      </p>
    );
  }
  const ahead = aheadToTell(place);
  const aheadLine = ahead !== undefined && (
    <p className="kiosk-ticket__ahead" data-testid="ticket-ahead" data-ahead={ahead}>
      {t('kiosk.ticket.ahead', { count: ahead })}
    </p>
  );
  const noCounter = place.noCounter || wait?.noCounter === true;
  if (noCounter) {
    return (
      <>
        {aheadLine}
        <p className="kiosk-ticket__wait" data-testid="ticket-wait" data-no-counter="true">
          {t('wait.noCounter')}
        </p>
        <p className="kiosk-ticket__note">{t('kiosk.ticket.callWhenOpen')}</p>
      </>
    );
  }
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
        {minutes.kind === 'about'
          ? t('kiosk.ticket.waitAbout', {
              estimate: duration(minutes.estimate),
              range: durationRange(minutes.low, minutes.high),
            })
          : t('kiosk.ticket.waitUnderMinute')}
      </p>
    </>
  );
}
