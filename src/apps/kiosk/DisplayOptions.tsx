import { useT } from '../../ui/i18n/I18nProvider.tsx';

export interface DisplayPrefs {
  readonly contrast: boolean;
  readonly large: boolean;
}

export const PLAIN_DISPLAY: DisplayPrefs = { contrast: false, large: false };

/** High contrast and larger text, for the customer at the kiosk now (reset when idle). */
export function DisplayOptions(props: {
  prefs: DisplayPrefs;
  onChange: (prefs: DisplayPrefs) => void;
}) {
  const { t } = useT();
  const { prefs } = props;
  return (
    <div className="kiosk-display" role="group" aria-label={t('kiosk.display.label')}>
      <button
        type="button"
        className="button button--secondary kiosk-display__option"
        aria-pressed={prefs.contrast}
        data-testid="display-contrast"
        onClick={() => props.onChange({ ...prefs, contrast: !prefs.contrast })}
      >
        <span className="kiosk-display__icon kiosk-display__icon--contrast" aria-hidden="true" />
        {t('kiosk.display.contrast')}
      </button>
      <button
        type="button"
        className="button button--secondary kiosk-display__option"
        aria-pressed={prefs.large}
        data-testid="display-large"
        onClick={() => props.onChange({ ...prefs, large: !prefs.large })}
      >
        <span className="kiosk-display__icon" aria-hidden="true">
          A+
        </span>
        {t('kiosk.display.large')}
      </button>
    </div>
  );
}
