import { serviceById } from '../../domain/config/types.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from '../shell/device-context.ts';

/** Which counter this is, what it serves, and the way to close it. */
export function CounterHeader(props: {
  counterId: string;
  services: readonly string[];
  busy: boolean;
  onClose: () => void;
}) {
  const { config } = useRuntime();
  const { t, text } = useT();
  const counter = config.counters.find((c) => c.id === props.counterId);
  return (
    <header className="clerk-header">
      <div className="clerk-header__what">
        <h1 className="clerk-header__counter">{counter ? text(counter.name) : props.counterId}</h1>
        <ul className="clerk-header__services">
          {props.services.map((id) => {
            const service = serviceById(config, id);
            return (
              <li key={id} className="clerk-tag">
                {service ? text(service.name) : id}
              </li>
            );
          })}
        </ul>
      </div>
      <a className="button button--secondary" href="/floor" data-testid="open-floor">
        {t('floor.open')}
      </a>
      <button
        type="button"
        className="button button--danger clerk-header__close"
        data-testid="close-counter"
        disabled={props.busy}
        onClick={props.onClose}
      >
        {t('clerk.close')}
      </button>
    </header>
  );
}
