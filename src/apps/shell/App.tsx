import { I18nProvider } from '../../ui/i18n/I18nProvider.tsx';
import { Landing } from './Landing.tsx';
import { NotFound } from './NotFound.tsx';
import { routeFor } from './routes.ts';
import { SurfaceHost } from './SurfaceHost.tsx';
import { surfaces } from './surfaces.ts';
import './shell.css';

/** Chooses the screen from the address. Until the store's language is known, the browser's. */
export function App({ pathname }: { pathname: string }) {
  const route = routeFor(pathname);
  return (
    <I18nProvider language={navigator.language}>
      {route === 'landing' ? (
        <Landing />
      ) : route === 'notFound' ? (
        <NotFound />
      ) : (
        <SurfaceHost surface={surfaces[route]} />
      )}
    </I18nProvider>
  );
}
