import { paintWelcomeSnapshot } from './apps/kiosk/welcome-snapshot.ts';
import { askHubConfigEarly } from './apps/runtime/config-source.ts';
import { adoptServedFirstPaint } from './apps/shell/first-paint-layer.ts';
import { releaseRuntimeHints } from './apps/shell/runtime-hints.ts';
import { isSurface, routeFor } from './apps/shell/routes.ts';
import { afterFrame } from './ui/after-frame.ts';
// the first paint's styles come with this script, not with the app
import './ui/base.css';
import './apps/shell/shell.css';
import './apps/kiosk/kiosk.css';

/**
 * index.html's entry, which holds no React. On a cheap tablet, compiling and running React DOM
 * and the device runtime take most of the first second: the kiosk first paints its last
 * welcome screen (src/apps/kiosk/welcome-snapshot.ts), or on a first visit takes on the one
 * the hub put into the page (src/domain/kiosk/first-paint.ts), then the app loads (main.tsx).
 */
const route = routeFor(location.pathname);
if (isSurface(route)) askHubConfigEarly();
// the hub's welcome, already on the screen (a first visit); else the one this tablet last showed
const painted = route === 'kiosk' && (adoptServedFirstPaint() || paintWelcomeSnapshot());

const loadApp = (): void => {
  // the runtime's chunks download with the app's, once the welcome is on the screen
  releaseRuntimeHints({ kiosk: route === 'kiosk' });
  import('./main.tsx').catch((error: unknown) => {
    console.error('[nextup] the app could not start', error);
  });
};
// the welcome reaches the screen before the app's scripts hold the thread
if (painted) afterFrame(loadApp);
else loadApp();
