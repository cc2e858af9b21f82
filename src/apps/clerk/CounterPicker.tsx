import { serviceById } from '../../domain/config/types.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useDevice, useRuntime } from '../shell/device-context.ts';

/** The store's counters, each with what it usually serves and whether it is open now. */
export function CounterPicker({ onChoose }: { onChoose: (counterId: string) => void }) {
  const { config } = useRuntime();
  const { state } = useDevice();
  const { t, text } = useT();
  return (
    <>
      <h1 className="clerk__title">{t('clerk.setup.chooseCounter')}</h1>
      {config.counters.length === 0 && <p>{t('clerk.setup.noCounters')}</p>}
      <ul className="clerk-setup__counters">
        {config.counters.map((counter) => (
          <li key={counter.id}>
            <button
              type="button"
              className="button button--secondary clerk-setup__counter"
              data-testid={`counter-choose-${counter.id}`}
              onClick={() => onChoose(counter.id)}
            >
              <span className="clerk-setup__counter-name">
                {text(counter.name)}
                {state.counters.get(counter.id)?.open && (
                  <span className="clerk-tag">{t('clerk.setup.inUse')}</span>
                )}
              </span>
              <span className="clerk-setup__counter-services">
                {counter.services
                  .map((id) => serviceById(config, id))
                  .map((s) => (s ? text(s.name) : ''))
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
