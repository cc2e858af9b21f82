import type { IssuingDeviceConfig } from '../../domain/config/types.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';

/** One-time setup of a tablet: which configured kiosk (and number range) it is. */
export function KioskSetup(props: {
  kiosks: readonly IssuingDeviceConfig[];
  onChoose: (kioskId: string) => void;
}) {
  const { t, text } = useT();
  return (
    <main className="kiosk kiosk-setup">
      <h1 className="kiosk__title">{t('kiosk.setup.title')}</h1>
      <p className="kiosk__lead">{t('kiosk.setup.intro')}</p>
      {props.kiosks.length === 0 ? (
        <p className="kiosk-error" role="alert">
          {t('kiosk.setup.empty')}
        </p>
      ) : (
        <ul className="kiosk-setup__list">
          {props.kiosks.map((k) => (
            <li key={k.id}>
              <button
                type="button"
                className="button button--secondary kiosk-setup__choice"
                data-testid={`kiosk-choose-${k.id}`}
                onClick={() => props.onChoose(k.id)}
              >
                <span className="kiosk-setup__name">{text(k.name)}</span>
                <span className="kiosk-setup__id">{k.id}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
