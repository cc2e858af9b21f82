import type { SettingsProblem } from '../../../domain/config/settings.ts';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { TextPerLanguage } from './FieldProblem.tsx';
import type { SettingsDraft, SettingsEvent } from './settings-draft.ts';

interface Props {
  draft: SettingsDraft;
  problems: readonly SettingsProblem[];
  send: (event: SettingsEvent) => void;
}

/** Each counter: its names and the services it serves. */
export function CountersSettings({ draft, problems, send }: Props) {
  const { t, text } = useT();
  return (
    <section className="settings__section" aria-labelledby="settings-counters">
      <h3 id="settings-counters">{t('settings.counters')}</h3>
      {draft.counters.map((counter, index) => (
        <fieldset
          key={counter.id}
          className="settings__item"
          data-testid={`settings-counter-${counter.id}`}
        >
          <legend>{text(draft.loaded.counters[index]?.name ?? counter.name)}</legend>
          <TextPerLanguage
            value={counter.name}
            languages={draft.loaded.languages}
            label="settings.nameIn"
            path={`counters[${index}].name`}
            problems={problems}
            testId={`settings-counter-${counter.id}-name`}
            onChange={(language, value) => send({ type: 'counterName', index, language, value })}
          />
          <fieldset className="settings__choices">
            <legend>{t('settings.counter.services')}</legend>
            {draft.services.map((service) => (
              <label key={service.id} className="settings__check">
                <input
                  type="checkbox"
                  checked={counter.services.includes(service.id)}
                  onChange={(e) =>
                    send({
                      type: 'counterService',
                      index,
                      service: service.id,
                      on: e.target.checked,
                    })
                  }
                />
                {text(service.name)}
              </label>
            ))}
          </fieldset>
        </fieldset>
      ))}
    </section>
  );
}
