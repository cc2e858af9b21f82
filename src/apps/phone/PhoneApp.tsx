import { Suspense } from 'react';
import { phonePageOf, trackedTicket } from '../../domain/kiosk/phone-pages.ts';
import { I18nProvider } from '../../ui/i18n/I18nProvider.tsx';
import { LoadingScreen } from '../shell/LoadingScreen.tsx';
import { TrackPage } from '../track/TrackPage.tsx';
import { LazyBookPage, LazyJoinPage, LazyNotFound } from './lazy-pages.ts';
import '../shell/shell.css';

/**
 * The customer's phone pages, from their own entry: the tracking page is in it (a QR scan
 * should show the place in line after one script), joining and booking load apart.
 */
export function PhoneApp({
  pathname,
  search,
  embeddedView,
}: {
  pathname: string;
  search: string;
  /** The tracked ticket's view the hub put into the page, if any (unchecked). */
  embeddedView: unknown;
}) {
  const page = phonePageOf(pathname);
  return (
    <I18nProvider language={navigator.language}>
      {page === 'track' ? (
        <TrackPage ticket={trackedTicket(pathname)} search={search} initial={embeddedView} />
      ) : (
        <Suspense fallback={<LoadingScreen />}>
          {page === 'join' ? (
            <LazyJoinPage search={search} />
          ) : page === 'book' ? (
            <LazyBookPage pathname={pathname} search={search} />
          ) : (
            <LazyNotFound />
          )}
        </Suspense>
      )}
    </I18nProvider>
  );
}
