import { useState } from 'react';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { SURFACE_PATHS } from '../shell/routes.ts';
import { soundBlocked, unlockSound } from './alert-signal.ts';
import { AlertList } from './AlertList.tsx';
import { useFloorWaits } from './useFloorWaits.ts';
import { WaitCard } from './WaitCard.tsx';
import './floor.css';

/**
 * The floor view for staff (from the clerk's handheld): every service's current wait with its
 * range, the line and the open counters, and an alert, with a signal and a vibration, when a
 * wait goes above its target. Everything comes from this device's own data, so it keeps
 * working when the Wi-Fi drops.
 */
export function FloorSurface() {
  const { t } = useT();
  const { waits, active, recent } = useFloorWaits();
  const [blocked, setBlocked] = useState(soundBlocked);
  return (
    <main className="floor">
      <header className="floor__header">
        <h1 className="floor__title">{t('floor.title')}</h1>
        <div className="floor__actions">
          {blocked && (
            <button
              type="button"
              className="button button--secondary"
              data-testid="floor-sound"
              onClick={() => void unlockSound().then(() => setBlocked(soundBlocked()))}
            >
              {t('floor.sound')}
            </button>
          )}
          <a
            className="button button--secondary"
            href={SURFACE_PATHS.clerk}
            data-testid="floor-back"
          >
            {t('floor.back')}
          </a>
        </div>
      </header>
      <AlertList active={active} recent={recent} waits={waits} />
      <section className="floor-panel" aria-labelledby="floor-waits-title">
        <h2 id="floor-waits-title" className="floor-panel__title">
          {t('floor.waits.title')}
        </h2>
        <p className="floor-panel__note">{t('floor.waits.note')}</p>
        <ul className="floor-waits">
          {waits.map((item) => (
            <WaitCard key={item.service.id} item={item} />
          ))}
        </ul>
      </section>
    </main>
  );
}
