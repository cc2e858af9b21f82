import type { SettingsProblem } from '../../../domain/config/settings.ts';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { FieldProblem } from './FieldProblem.tsx';
import type { SettingsDraft, SettingsEvent } from './settings-draft.ts';

interface Props {
  draft: SettingsDraft;
  problems: readonly SettingsProblem[];
  send: (event: SettingsEvent) => void;
}

/** Staff who sign in on clerk tablets: names and new PINs (a PIN is never shown). */
export function StaffSettings({ draft, problems, send }: Props) {
  const { t } = useT();
  return (
    <section className="settings__section" aria-labelledby="settings-staff">
      <h3 id="settings-staff">{t('settings.staff')}</h3>
      {draft.staff.length === 0 && <p>{t('settings.staff.none')}</p>}
      {draft.staff.map((member, index) => (
        <fieldset
          key={member.id}
          className="settings__item"
          data-testid={`settings-staff-${member.id}`}
        >
          <label className="settings__field">
            <span>{t('settings.staff.name')}</span>
            <input
              value={member.name}
              onChange={(e) => send({ type: 'staffName', index, value: e.target.value })}
            />
            <FieldProblem problems={problems} path={`staff[${index}].name`} />
          </label>
          <PinField
            value={member.pin ?? ''}
            hint={t('settings.staff.keepPin')}
            path={`staff[${index}].pin`}
            problems={problems}
            onChange={(value) => send({ type: 'staffPin', index, value })}
          />
          <button
            type="button"
            className="button button--secondary"
            onClick={() => send({ type: 'staffRemove', index })}
          >
            {t('settings.staff.remove', { name: member.name || member.id })}
          </button>
        </fieldset>
      ))}
      <button type="button" className="button" onClick={() => send({ type: 'staffAdd' })}>
        {t('settings.staff.add')}
      </button>
    </section>
  );
}

/** The kiosk's manager PIN: whether one is set, and a new one. */
export function KioskPinSettings({ draft, problems, send }: Props) {
  const { t } = useT();
  return (
    <section className="settings__section" aria-labelledby="settings-kiosk">
      <h3 id="settings-kiosk">{t('settings.kiosk')}</h3>
      <PinField
        value={draft.kioskPin}
        hint={t(draft.loaded.kioskPinSet ? 'settings.kiosk.set' : 'settings.kiosk.unset')}
        path="kioskPin"
        problems={problems}
        testId="settings-kiosk-pin"
        onChange={(value) => send({ type: 'kioskPin', value })}
      />
    </section>
  );
}

function PinField(props: {
  value: string;
  hint: string;
  path: string;
  problems: readonly SettingsProblem[];
  testId?: string;
  onChange: (value: string) => void;
}) {
  const { t } = useT();
  return (
    <label className="settings__field">
      <span>{t('settings.staff.newPin')}</span>
      <input
        type="password"
        inputMode="numeric"
        autoComplete="new-password"
        maxLength={8}
        value={props.value}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <small>{props.hint}</small>
      <FieldProblem problems={props.problems} path={props.path} />
    </label>
  );
}
