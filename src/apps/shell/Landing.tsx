import { useT } from '../../ui/i18n/I18nProvider.tsx';
import type { PlainMessageKey } from '../../ui/i18n/translate.ts';
import { SURFACE_PATHS, type SurfaceName } from './routes.ts';

const LINKS: readonly { surface: SurfaceName; title: PlainMessageKey; hint: PlainMessageKey }[] = [
  { surface: 'kiosk', title: 'landing.kiosk', hint: 'landing.kiosk.hint' },
  { surface: 'clerk', title: 'landing.clerk', hint: 'landing.clerk.hint' },
  { surface: 'board', title: 'landing.board', hint: 'landing.board.hint' },
  { surface: 'floor', title: 'landing.floor', hint: 'landing.floor.hint' },
  { surface: 'manager', title: 'landing.manager', hint: 'landing.manager.hint' },
];

/** The start page: which surface this device should show (every one the app has). */
export function Landing() {
  const { t } = useT();
  return (
    <main className="landing">
      <header className="landing__header">
        <img className="landing__logo" src="/favicon.svg" alt="" width="64" height="64" />
        <h1>{t('landing.title')}</h1>
        <p>{t('landing.intro')}</p>
      </header>
      <nav className="landing__links">
        {LINKS.map((link) => (
          <a
            key={link.surface}
            className="landing__link"
            href={SURFACE_PATHS[link.surface]}
            data-testid={`link-${link.surface}`}
          >
            <span className="landing__link-title">{t(link.title)}</span>
            <span className="landing__link-hint">{t(link.hint)}</span>
          </a>
        ))}
      </nav>
    </main>
  );
}
