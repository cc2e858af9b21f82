import { lazy, Suspense, useState } from 'react';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { DevicesPanel } from './devices/DevicesPanel.tsx';
import { JoinPoster } from './JoinPoster.tsx';
import { LiveBoard } from './live/LiveBoard.tsx';
import { useManagerView, MANAGER_VIEWS } from './useManagerView.ts';
import './manager.css';

// charts (uPlot) load only when someone opens the history: other surfaces never pay for them
const HistoryView = lazy(async () => ({
  default: (await import('./history/HistoryView.tsx')).HistoryView,
}));
const SettingsView = lazy(async () => ({
  default: (await import('./settings/SettingsView.tsx')).SettingsView,
}));

/** The store manager's board: a thin layout of panels, the live board or the history. */
export function ManagerSurface() {
  const { t } = useT();
  const [view, setView] = useManagerView();
  const [poster, setPoster] = useState(false);
  return (
    <main className="manager">
      <header className="manager__header">
        <h1 className="manager__title">{t('manager.title')}</h1>
        <nav className="manager__views" aria-label={t('managerReports.views')}>
          {MANAGER_VIEWS.map((v) => (
            <a
              key={v}
              href={`#${v}`}
              className="manager__view"
              aria-current={view === v ? 'page' : undefined}
              data-testid={`manager-view-${v}`}
              onClick={(e) => {
                e.preventDefault();
                setView(v);
              }}
            >
              {v === 'settings' ? t('settings.view') : t(`managerReports.view.${v}`)}
            </a>
          ))}
        </nav>
        <button
          type="button"
          className="button button--secondary"
          data-testid="manager-join-poster"
          onClick={() => setPoster(true)}
        >
          {t('manager.poster.open')}
        </button>
      </header>
      {poster && <JoinPoster onClose={() => setPoster(false)} />}
      {view === 'live' && <LiveBoard />}
      {view === 'history' && (
        <Suspense fallback={<p className="manager-panel__empty">{t('managerReports.loading')}</p>}>
          <HistoryView />
        </Suspense>
      )}
      {view === 'settings' && (
        <Suspense fallback={<p className="manager-panel__empty">{t('settings.loading')}</p>}>
          <div className="manager__panels">
            <SettingsView />
          </div>
        </Suspense>
      )}
      {view === 'devices' && (
        <div className="manager__panels">
          <DevicesPanel />
        </div>
      )}
    </main>
  );
}
