import type { SettingsProblem } from '../../../domain/config/settings.ts';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { FieldProblem, TextPerLanguage } from './FieldProblem.tsx';
import type { SettingsDraft, SettingsEvent } from './settings-draft.ts';

interface Props {
  draft: SettingsDraft;
  problems: readonly SettingsProblem[];
  send: (event: SettingsEvent) => void;
}

const minutes = (sec: number) => (Number.isFinite(sec) ? String(sec / 60) : '');
const seconds = (text: string) => Math.round(Number(text) * 60);

/** Each service: its names, ticket letter, target wait, usual time and priority tickets. */
export function ServicesSettings({ draft, problems, send }: Props) {
  const { t, text } = useT();
  return (
    <section className="settings__section" aria-labelledby="settings-services">
      <h3 id="settings-services">{t('settings.services')}</h3>
      {draft.services.map((service, index) => {
        const at = `services[${index}]`;
        return (
          <fieldset
            key={service.id}
            className="settings__item"
            data-testid={`settings-service-${service.id}`}
          >
            <legend>
              {service.prefix} · {text(draft.loaded.services[index]?.name ?? service.name)}
            </legend>
            <TextPerLanguage
              value={service.name}
              languages={draft.loaded.languages}
              label="settings.nameIn"
              path={`${at}.name`}
              problems={problems}
              testId={`settings-service-${service.id}-name`}
              onChange={(language, value) => send({ type: 'serviceName', index, language, value })}
            />
            <label className="settings__field">
              <span>{t('settings.service.prefix')}</span>
              <input
                value={service.prefix}
                data-testid={`settings-service-${service.id}-prefix`}
                maxLength={1}
                size={2}
                onChange={(e) =>
                  send({ type: 'service', index, patch: { prefix: e.target.value.toUpperCase() } })
                }
              />
              <FieldProblem problems={problems} path={`${at}.prefix`} />
            </label>
            <label className="settings__field">
              <span>{t('settings.service.target')}</span>
              <input
                type="number"
                min={1}
                step="any"
                value={minutes(service.targetWaitSec)}
                onChange={(e) =>
                  send({
                    type: 'service',
                    index,
                    patch: { targetWaitSec: seconds(e.target.value) },
                  })
                }
              />
              <FieldProblem problems={problems} path={`${at}.targetWaitSec`} />
            </label>
            <label className="settings__field">
              <span>{t('settings.service.average')}</span>
              <input
                type="number"
                min={1}
                step="any"
                value={minutes(service.avgServiceSec)}
                onChange={(e) =>
                  send({
                    type: 'service',
                    index,
                    patch: { avgServiceSec: seconds(e.target.value) },
                  })
                }
              />
              <FieldProblem problems={problems} path={`${at}.avgServiceSec`} />
            </label>
            <label className="settings__check">
              <input
                type="checkbox"
                checked={service.allowPriority === true}
                onChange={(e) =>
                  send({ type: 'service', index, patch: { allowPriority: e.target.checked } })
                }
              />
              {t('settings.service.priority')}
            </label>
          </fieldset>
        );
      })}
    </section>
  );
}
