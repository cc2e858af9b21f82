import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { AlertsPanel } from './AlertsPanel.tsx';
import { DevicesPanel } from './devices/DevicesPanel.tsx';
import './manager.css';

/**
 * The store manager's board. For now the calls for a manager, live, with one-tap
 * acknowledgement; the full board (waits, counters, service quality) adds panels to the grid.
 */
export function ManagerSurface() {
  const { t } = useT();
  return (
    <main className="manager">
      <header className="manager__header">
        <h1 className="manager__title">{t('manager.title')}</h1>
      </header>
      <div className="manager__panels">
        <AlertsPanel />
        <DevicesPanel />
      </div>
    </main>
  );
}
