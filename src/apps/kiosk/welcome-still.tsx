import { renderToStaticMarkup } from 'react-dom/server';
import type { StoreConfig } from '../../domain/config/types.ts';
import type { FirstPaint, WelcomeStillModule } from '../../domain/kiosk/first-paint.ts';
import { emptyState } from '../../domain/queue/state.ts';
import { loadLanguage } from '../../ui/i18n/catalogs.ts';
import { I18nProvider } from '../../ui/i18n/I18nProvider.tsx';
import { createI18n } from '../../ui/i18n/i18n.ts';
import { SCRIPT_FONTS_CLASS, usesScriptFonts } from '../../ui/script-fonts.ts';
import type { DeviceRuntime, DeviceSnapshot } from '../runtime/types.ts';
import { DeviceContext } from '../shell/device-context.ts';
import { PLAIN_DISPLAY } from './DisplayOptions.tsx';
import { WelcomeScreen } from './WelcomeScreen.tsx';

/**
 * The hub's still of the kiosk's welcome, for a tablet's first visit (src/domain/kiosk/
 * first-paint.ts): the live screen's own components, rendered on the hub (react-dom/server)
 * as a kiosk that has just started shows them, before it knows the day: the store's greeting
 * and services, "checking the wait" on each. Built beside the app (vite.config.ts); the hub
 * loads the build, never these sources.
 */
export const renderWelcomeStill: WelcomeStillModule['renderWelcomeStill'] = async (
  config,
  kioskId,
  now,
) => {
  const kiosk = config.kiosks.find((k) => k.id === kioskId);
  if (!kiosk) return undefined;
  const { language, dir } = createI18n({ language: config.store.defaultLanguage });
  await loadLanguage(language);
  const noop = () => undefined;
  const html = renderToStaticMarkup(
    <DeviceContext.Provider
      value={{ runtime: startingRuntime(config, now), preferredId: kioskId, reidentify: noop }}
    >
      <I18nProvider language={language} contentFallback={language} timeZone={config.store.timeZone}>
        <WelcomeScreen
          issuing={false}
          busy={false}
          problem={undefined}
          language={language}
          display={PLAIN_DISPLAY}
          focusTitle={false}
          onLanguage={noop}
          onDisplay={noop}
          onChooseService={noop}
          onRateLimitOver={noop}
          kiosk={kiosk}
          onBookedTicket={noop}
        />
      </I18nProvider>
    </DeviceContext.Provider>,
  );
  const paint: FirstPaint = {
    html: leaveOut(html),
    lang: language,
    dir,
    htmlClass: usesScriptFonts(language) ? SCRIPT_FONTS_CLASS : '',
    surfaceClass: 'surface--kiosk',
  };
  return paint;
};

/**
 * A kiosk's runtime as it is the moment it has started: the store's config, the day not yet
 * read, no word from the hub (so no wait is known). It takes no ticket: the still is inert.
 */
function startingRuntime(config: StoreConfig, now: number): DeviceRuntime {
  const snapshot: DeviceSnapshot = {
    version: 0,
    state: emptyState(),
    status: { connection: 'connecting', pending: 0, freshness: 'starting' },
    myConflicts: [],
  };
  return {
    config,
    deviceId: '',
    subscribe: () => () => undefined,
    getSnapshot: () => snapshot,
    run: () => Promise.reject(new Error('a still of the welcome takes no tickets')),
    eventTime: () => now,
    storeNow: () => now,
    dismissConflict: () => undefined,
    estimate: () => undefined,
    close: () => Promise.resolve(),
  };
}

/** Test ids go (tests and the benchmark wait for the live screen's), as from a saved copy. */
function leaveOut(html: string): string {
  // React's markup quotes every attribute and escapes quotes inside values
  return html.replace(/ data-testid="[^"]*"/g, '');
}
