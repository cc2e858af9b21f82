import type { TicketView } from '../../domain/kiosk/tracking.ts';
import { Dropped } from '../join/CheckIn.tsx';
import { aheadToTell } from '../../domain/wait/ahead.ts';
import { waitInMinutes } from '../../domain/wait/minutes.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';

/** Where the ticket stands: place and wait, next, called to a counter, or finished. */
export function TrackStatus({ view }: { view: TicketView }) {
  const { t, text, duration, durationRange } = useT();
  const counter = view.counter ? text(view.counter.name) : '';
  const common = {
    className: `track__status track__status--${view.status}`,
    'data-testid': 'track-status',
    'data-status': view.status,
  };
  switch (view.status) {
    case 'waiting': {
      // people ahead from the line model (domain/wait/ahead.ts); first in line with no counter
      // open is not "next"
      const ahead =
        view.ahead === null ? undefined : aheadToTell({ ahead: view.ahead, next: view.next });
      const wait = view.wait ? waitInMinutes(view.wait) : undefined;
      return (
        <div {...common} data-ahead={view.ahead ?? 0} data-next={view.next}>
          {ahead !== undefined && (
            <p className="track__ahead" data-testid="track-ahead">
              {t('track.ahead', { count: ahead })}
            </p>
          )}
          {view.next && <p className="track__next">{t('track.next')}</p>}
          {wait?.kind === 'noCounter' ? (
            <>
              <p className="track__wait" data-testid="track-wait" data-no-counter="true">
                {t('wait.noCounter')}
              </p>
              <p className="track__note">{t('track.callWhenOpen')}</p>
            </>
          ) : (
            wait && (
              <p className="track__wait" data-testid="track-wait">
                {wait.kind === 'underMinute'
                  ? t('track.waitUnderMinute')
                  : t('track.waitAbout', {
                      estimate: duration(wait.estimate),
                      range: durationRange(wait.low, wait.high),
                    })}
              </p>
            )
          )}
        </div>
      );
    }
    case 'called':
      return (
        <div {...common} data-counter={view.counter?.id}>
          <p className="track__called" data-testid="track-called">
            {t('track.called', { counter })}
          </p>
        </div>
      );
    case 'serving':
      return (
        <div {...common}>
          <p className="track__serving">{t('track.serving', { counter })}</p>
        </div>
      );
    case 'done':
      return (
        <div {...common}>
          <p>{t('track.done')}</p>
        </div>
      );
    case 'noShow':
      return (
        <div {...common}>
          <p>{t('track.noShow')}</p>
        </div>
      );
    case 'cancelled':
      return (
        <div {...common}>
          {view.cancelReason ? (
            <Dropped reason={view.cancelReason} />
          ) : (
            <p>{t('track.cancelled')}</p>
          )}
        </div>
      );
  }
}
