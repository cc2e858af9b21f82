import type { TicketView } from '../../domain/kiosk/tracking.ts';
import { Dropped } from '../join/CheckIn.tsx';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { waitingLines } from './waiting-lines.ts';

/** Where the ticket stands: place and wait, next, called to a counter, or finished. */
export function TrackStatus({ view }: { view: TicketView }) {
  const i18n = useT();
  const { t, text } = i18n;
  const counter = view.counter ? text(view.counter.name) : '';
  const common = {
    className: `track__status track__status--${view.status}`,
    'data-testid': 'track-status',
    'data-status': view.status,
  };
  switch (view.status) {
    case 'waiting': {
      const lines = waitingLines(view, i18n);
      return (
        <div {...common} data-ahead={view.ahead ?? 0} data-next={view.next}>
          {lines.ahead && (
            <p className="track__ahead" data-testid="track-ahead">
              {lines.ahead.text}
            </p>
          )}
          {lines.next && <p className="track__next">{lines.next}</p>}
          {lines.wait && (
            <p
              className="track__wait"
              data-testid="track-wait"
              {...(lines.wait.noCounter ? { 'data-no-counter': 'true' } : {})}
            >
              {lines.wait.text}
            </p>
          )}
          {lines.note && <p className="track__note">{lines.note}</p>}
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
