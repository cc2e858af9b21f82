import { lazy, Suspense } from 'react';
import { I18nProvider } from '../../ui/i18n/I18nProvider.tsx';
import { Landing } from './Landing.tsx';
import { LoadingScreen } from './LoadingScreen.tsx';
import { NotFound } from './NotFound.tsx';
import { routeFor, trackedTicket } from './routes.ts';
import { SurfaceHost } from './SurfaceHost.tsx';
import { surfaces } from './surfaces.ts';
import './shell.css';

/** The tracking page is its own chunk: no device runtime, no storage, no MQTT. */
const TrackPage = lazy(async () => ({
  default: (await import('../track/TrackPage.tsx')).TrackPage,
}));

/** Chooses the screen from the address. Until the store's language is known, the browser's. */
export function App({ pathname }: { pathname: string }) {
  const route = routeFor(pathname);
  return (
    <I18nProvider language={navigator.language}>
      {route === 'landing' ? (
        <Landing />
      ) : route === 'notFound' ? (
        <NotFound />
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
