import { BOARD_COLOURS, type SettingsProblem } from '../../../domain/config/settings.ts';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { FieldProblem, TextPerLanguage } from './FieldProblem.tsx';
import type { SettingsDraft, SettingsEvent } from './settings-draft.ts';

interface Props {
  draft: SettingsDraft;
  problems: readonly SettingsProblem[];
  send: (event: SettingsEvent) => void;
}

const COLOUR_KEYS = ['background', 'text', 'accent'] as const;

/** The lobby board's logo, colours and announcement line. */
export function BoardSettings({ draft, problems, send }: Props) {
  const { t } = useT();
  const { board } = draft;
  const pickLogo = (file: File | undefined) => {
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      if (typeof reader.result === 'string') send({ type: 'boardLogo', value: reader.result });
    };
    reader.readAsDataURL(file);
  };
  return (
    <section className="settings__section" aria-labelledby="settings-board">
      <h3 id="settings-board">{t('settings.board')}</h3>
      <label className="settings__field">
        <span>{t('settings.board.logo')}</span>
        <input
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif,image/svg+xml"
          data-testid="settings-board-logo"
          onChange={(e) => pickLogo(e.target.files?.[0])}
        />
        <FieldProblem problems={problems} path="board.logo" />
      </label>
      {board.logo && (
        <p className="settings__logo">
          <img src={board.logo} alt="" />
          <button
            type="button"
            className="button button--secondary"
            onClick={() => send({ type: 'boardLogo', value: undefined })}
          >
            {t('settings.board.logoRemove')}
          </button>
        </p>
      )}
      {COLOUR_KEYS.map((key) => (
        <div key={key} className="settings__field">
          <label>
            <span>{t(`settings.board.${key}`)}</span>{' '}
            <input
              type="color"
              data-testid={`settings-board-${key}`}
              value={board.colors?.[key] ?? BOARD_COLOURS[key]}
              onChange={(e) => send({ type: 'boardColour', key, value: e.target.value })}
            />
          </label>{' '}
          {board.colors?.[key] && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => send({ type: 'boardColour', key, value: undefined })}
            >
              {t('settings.board.colourReset')}
            </button>
          )}
          <FieldProblem problems={problems} path={`board.colors.${key}`} />
        </div>
      ))}
      <TextPerLanguage
        value={board.announcement}
        languages={draft.loaded.languages}
        label="settings.board.announcement"
        path="board.announcement"
        problems={problems}
        testId="settings-board-announcement"
        onChange={(language, value) => send({ type: 'boardAnnouncement', language, value })}
      />
    </section>
  );
}
