import { lazy, Suspense } from 'react';
import { loadFullEnglish } from '../../ui/i18n/catalogs.ts';
import { I18nProvider } from '../../ui/i18n/I18nProvider.tsx';
import { LazyBookPage, LazyJoinPage, LazyNotFound, LazyTrackPage } from '../phone/lazy-pages.ts';
import { LoadingScreen } from './LoadingScreen.tsx';
import { trackedTicket } from '../../domain/kiosk/phone-pages.ts';
import { routeFor } from './routes.ts';
import { SurfaceHost } from './SurfaceHost.tsx';
import { surfaces } from './surfaces.ts';
import './shell.css';

/** The chain's area-manager view: its own chunk, served by the chain service. */
const ChainPage = lazy(async () => {
  const [{ ChainPage }] = await Promise.all([import('../chain/ChainPage.tsx'), loadFullEnglish()]);
  return { default: ChainPage };
});

/** The landing page lists the screens: devices open theirs directly, so it loads apart too. */
const Landing = lazy(async () => ({ default: (await import('./Landing.tsx')).Landing }));

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
          <LazyNotFound />
        </Suspense>
      ) : route === 'chain' ? (
        <Suspense fallback={<LoadingScreen />}>
          <ChainPage pathname={pathname} search={location.search} />
        </Suspense>
      ) : route === 'join' ? (
        <Suspense fallback={<LoadingScreen />}>
          <LazyJoinPage search={location.search} />
        </Suspense>
      ) : route === 'book' ? (
        <Suspense fallback={<LoadingScreen />}>
          <LazyBookPage pathname={pathname} search={location.search} />
        </Suspense>
      ) : route === 'track' ? (
        <Suspense fallback={<LoadingScreen />}>
          <LazyTrackPage ticket={trackedTicket(pathname)} search={location.search} />
        </Suspense>
      ) : (
        <SurfaceHost surface={surfaces[route]} />
      )}
    </I18nProvider>
  );
}
