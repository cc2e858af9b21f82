import { useState } from 'react';
import type { CounterConfig } from '../../domain/config/types.ts';
import { openCounter } from '../../domain/queue/commands.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from '../shell/device-context.ts';
import type { ClerkStation } from './clerk-station.ts';
import { ClerkProblem } from './ClerkProblem.tsx';
import { useClerkAction } from './useClerkAction.ts';

/** Which services this counter takes today, starting from its configured ones. */
export function ServicePicker(props: {
  counter: CounterConfig;
  onBack: () => void;
  onOpened: (station: ClerkStation) => void;
}) {
  const { counter } = props;
  const { config } = useRuntime();
  const { t, text } = useT();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(counter.services));
  const { act, busy, problem } = useClerkAction();
  const services = config.services.filter((s) => chosen.has(s.id)).map((s) => s.id);

  const toggle = (id: string) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const open = async () => {
    if (await act(() => openCounter(counter.id, services))) {
      props.onOpened({ counter: counter.id, services });
    }
  };

  return (
    <form
      className="clerk-setup__services"
      onSubmit={(e) => {
        e.preventDefault();
        void open();
      }}
    >
      <h1 className="clerk__title">
        {t('clerk.setup.chooseServices', { counter: text(counter.name) })}
      </h1>
      <fieldset className="clerk-setup__fieldset">
        <legend className="visually-hidden">
          {t('clerk.setup.chooseServices', { counter: text(counter.name) })}
        </legend>
        {config.services.map((service) => (
          <label key={service.id} className="clerk-check">
            <input
              type="checkbox"
              data-testid={`service-toggle-${service.id}`}
              checked={chosen.has(service.id)}
              onChange={() => toggle(service.id)}
            />
            <span className="clerk-check__prefix">{service.prefix}</span>
            <span>{text(service.name)}</span>
          </label>
        ))}
      </fieldset>
      {services.length === 0 && <p className="clerk-hint">{t('clerk.setup.needService')}</p>}
      {problem && <ClerkProblem problem={problem} />}
      <div className="clerk-setup__actions">
        <button type="button" className="button button--secondary" onClick={props.onBack}>
          {t('clerk.setup.back')}
        </button>
        <button
          type="submit"
          className="button button--primary clerk-setup__open"
          data-testid="counter-open"
          disabled={busy || services.length === 0}
        >
          {t('clerk.setup.open')}
        </button>
      </div>
    </form>
  );
}
