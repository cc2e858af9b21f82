import { lazy, Suspense } from 'react';
import { loadFullEnglish } from '../../ui/i18n/catalogs.ts';
import { I18nProvider } from '../../ui/i18n/I18nProvider.tsx';
import { LoadingScreen } from './LoadingScreen.tsx';
import { routeFor, trackedTicket } from './routes.ts';
import { SurfaceHost } from './SurfaceHost.tsx';
import { surfaces } from './surfaces.ts';
import './shell.css';

/** The tracking page is its own chunk: no device runtime, no storage, no MQTT. */
const TrackPage = lazy(async () => {
  const [{ TrackPage }] = await Promise.all([import('../track/TrackPage.tsx'), loadFullEnglish()]);
  return { default: TrackPage };
});

/** Joining the line from a phone: its own chunk, like the tracking page it hands over to. */
const JoinPage = lazy(async () => {
  const [{ JoinPage }] = await Promise.all([import('../join/JoinPage.tsx'), loadFullEnglish()]);
  return { default: JoinPage };
});

/** Booking a time, and a booking's own page: its own chunk, like /join. */
const BookPage = lazy(async () => {
  const [{ BookPage }] = await Promise.all([import('../book/BookPage.tsx'), loadFullEnglish()]);
  return { default: BookPage };
});

/** The chain's area-manager view: its own chunk, served by the chain service. */
const ChainPage = lazy(async () => {
  const [{ ChainPage }] = await Promise.all([import('../chain/ChainPage.tsx'), loadFullEnglish()]);
  return { default: ChainPage };
});

/** The landing page lists the screens: devices open theirs directly, so it loads apart too. */
const Landing = lazy(async () => ({ default: (await import('./Landing.tsx')).Landing }));
const NotFound = lazy(async () => ({ default: (await import('./NotFound.tsx')).NotFound }));

/** Chooses the screen from the address. Until the store's language is known, the browser's. */
export function App({ pathname }: { pathname: string }) {
  const route = routeFor(pathname);
  return (
    <I18nProvider language={navigator.language}>
      {route === 'landing' ? (
        <Suspense fallback={<LoadingScreen />}>
          <Landing />
        </Suspense>
      ) : route === 'notFound' ? (
        <Suspense fallback={<LoadingScreen />}>
          <NotFound />
        </Suspense>
      ) : route === 'chain' ? (
        <Suspense fallback={<LoadingScreen />}>
          <ChainPage pathname={pathname} search={location.search} />
        </Suspense>
      ) : route === 'join' ? (
        <Suspense fallback={<LoadingScreen />}>
          <JoinPage search={location.search} />
        </Suspense>
      ) : route === 'book' ? (
        <Suspense fallback={<LoadingScreen />}>
          <BookPage pathname={pathname} search={location.search} />
        </Suspense>
      ) : route === 'track' ? (
        <Suspense fallback={<LoadingScreen />}>
          <TrackPage ticket={trackedTicket(pathname)} search={location.search} />
        </Suspense>
      ) : (
        <SurfaceHost surface={surfaces[route]} />
      )}
    </I18nProvider>
  );
}
