/**
 * The chain view's own connection at a glance: live with the time of the figures, or cut off
 * with the time of the last figures it still shows.
 */
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import type { Feed } from './useChainFeed.ts';

export function ConnectionLine({ feed }: { feed: Feed<unknown> }) {
  const { t, time } = useT();
  // a detail page for a store the chain does not know still reached the service
  const live = feed.kind === 'ready' ? feed.live : feed.kind !== 'offline';
  const text =
    feed.kind === 'ready'
      ? feed.live
        ? t('chainView.live', { time: time(feed.at) })
        : t('chainView.offline', { time: time(feed.at) })
      : feed.kind === 'loading'
        ? t('chainView.loading')
        : feed.kind === 'offline'
          ? t('chainView.offlineNever')
          : '';
  return (
    <p
      className={`chain-connection chain-connection--${live ? 'live' : 'offline'}`}
      data-testid="chain-connection"
      data-state={live ? 'live' : 'offline'}
      role="status"
    >
      <span className="chain-connection__dot" aria-hidden="true" />
      {text}
    </p>
  );
}
