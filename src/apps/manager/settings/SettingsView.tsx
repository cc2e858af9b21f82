import { useEffect, useState } from 'react';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from '../../shell/device-context.ts';
import { BoardSettings } from './BoardSettings.tsx';
import { CountersSettings } from './CountersSettings.tsx';
import { ServicesSettings } from './ServicesSettings.tsx';
import { HubProblems, hubProblemsByPath } from './FieldProblem.tsx';
import { SettingsRefused, settingsClient } from './settings-client.ts';
import {
  changeOf,
  draftOf,
  draftProblems,
  hasChanges,
  settingsReducer,
  type SettingsDraft,
  type SettingsEvent,
} from './settings-draft.ts';
import { KioskPinSettings, StaffSettings } from './StaffSettings.tsx';
import { WebhooksSettings } from './WebhooksSettings.tsx';
import './settings.css';

type SaveState =
  | { kind: 'editing' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'fix' }
  /** The hub's words, and its problems by field (shown at the fields until the next edit). */
  | { kind: 'refused'; message: string; fields?: ReadonlyMap<string, string> };

/**
 * The store's settings without JSON: what the hub can change while it runs, checked here by
 * the hub's own rules, then by the hub (the whole file), written and in force on every screen.
 */
export function SettingsView() {
  const { t } = useT();
  const { apiAuth } = useRuntime();
  const [draft, setDraft] = useState<SettingsDraft | undefined>();
  const [save, setSave] = useState<SaveState>({ kind: 'editing' });

  useEffect(() => {
    if (!apiAuth) return;
    settingsClient.load(apiAuth).then(
      (view) => setDraft(draftOf(view)),
      (e: unknown) => setSave({ kind: 'refused', message: (e as Error).message }),
    );
  }, [apiAuth]);

  if (!apiAuth) return null;
  if (!draft) {
    return save.kind === 'refused' ? (
      <p role="alert">{t('settings.problem', { message: save.message })}</p>
    ) : (
      <p className="manager-panel__empty">{t('settings.loading')}</p>
    );
  }
  const send = (event: SettingsEvent) => {
    setDraft((d) => d && settingsReducer(d, event));
    setSave({ kind: 'editing' });
  };
  const problems = draftProblems(draft);
  const submit = () => {
    if (problems.length > 0) return setSave({ kind: 'fix' });
    setSave({ kind: 'saving' });
    settingsClient.save(apiAuth, changeOf(draft)).then(
      (view) => {
        setDraft(draftOf(view));
        setSave({ kind: 'saved' });
      },
      (e: unknown) =>
        setSave({
          kind: 'refused',
          message: (e as Error).message,
          ...(e instanceof SettingsRefused ? { fields: hubProblemsByPath(e.problems) } : {}),
        }),
    );
  };
  const sectionProps = { draft, problems, send };
  const fromHub = save.kind === 'refused' ? save.fields : undefined;
  return (
    <HubProblems.Provider value={fromHub ?? NO_PROBLEMS}>
      <form
        className="manager-panel settings"
        data-testid="settings-view"
        data-version={draft.loaded.version}
        aria-labelledby="settings-title"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <h2 className="manager-panel__title" id="settings-title">
          {t('settings.title')}
        </h2>
        <p>{t('settings.intro')}</p>
        <ServicesSettings {...sectionProps} />
        <CountersSettings {...sectionProps} />
        <StaffSettings {...sectionProps} />
        <KioskPinSettings {...sectionProps} />
        <BoardSettings {...sectionProps} />
        <p className="settings__note">{t('settings.fileOnly')}</p>
        <div className="settings__bar">
          <button
            type="submit"
            className="button"
            data-testid="settings-save"
            disabled={save.kind === 'saving' || !hasChanges(draft)}
          >
            {t(save.kind === 'saving' ? 'settings.saving' : 'settings.save')}
          </button>
          <SaveStatus save={save} changed={hasChanges(draft)} />
        </div>
      </form>
      <WebhooksSettings auth={apiAuth} />
    </HubProblems.Provider>
  );
}

const NO_PROBLEMS: ReadonlyMap<string, string> = new Map();

function SaveStatus({ save, changed }: { save: SaveState; changed: boolean }) {
  const { t } = useT();
  const text =
    save.kind === 'saved'
      ? t('settings.saved')
      : save.kind === 'fix'
        ? t('settings.fix')
        : save.kind === 'refused'
          ? t('settings.problem', { message: save.message })
          : changed
            ? ''
            : t('settings.unchanged');
  return (
    <p role="status" data-testid="settings-status" data-state={save.kind}>
      {text}
    </p>
  );
}
