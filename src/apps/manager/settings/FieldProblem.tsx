import { createContext, useContext } from 'react';
import { ANNOUNCEMENT_MAX, type SettingsProblem } from '../../../domain/config/settings.ts';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';

/**
 * What the hub said about fields when it refused the last save, by path: the checks only it
 * makes (the whole file's schema, ids and letters used twice), in its words.
 */
export const HubProblems = createContext<ReadonlyMap<string, string>>(new Map());

/** "services[1].prefix: \"A\" is already used by services[0]" by its field's path. */
export function hubProblemsByPath(problems: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of problems) {
    const at = p.indexOf(': ');
    if (at > 0 && !out.has(p.slice(0, at))) out.set(p.slice(0, at), p.slice(at + 2));
  }
  return out;
}

/** The problem of one field (by the hub's path, e.g. "staff[1].pin"), in the screen's language. */
export function FieldProblem({
  problems,
  path,
}: {
  problems: readonly SettingsProblem[];
  path: string;
}) {
  const { t } = useT();
  const fromHub = useContext(HubProblems).get(path);
  const problem = problems.find((p) => p.path === path);
  if (!problem && fromHub === undefined) return null;
  return (
    <span className="settings__problem" data-testid="settings-problem" data-path={path}>
      {!problem
        ? fromHub
        : problem.rule === 'tooLong'
          ? t('settings.rule.tooLong', { max: ANNOUNCEMENT_MAX })
          : t(`settings.rule.${problem.rule}`)}
    </span>
  );
}

/** One text input per language, for a name or a line in the store's languages. */
export function TextPerLanguage({
  value,
  languages,
  label,
  path,
  problems,
  testId,
  onChange,
}: {
  value: Readonly<Record<string, string>> | undefined;
  languages: readonly string[];
  /** The label's key: a message with {language}. */
  label: 'settings.nameIn' | 'settings.board.announcement';
  path: string;
  problems: readonly SettingsProblem[];
  testId: string;
  onChange: (language: string, text: string) => void;
}) {
  const { t, languageName } = useT();
  return (
    <div className="settings__texts">
      {languages.map((lang) => (
        <label key={lang} className="settings__field">
          <span>{t(label, { language: languageName(lang) })}</span>
          <input
            lang={lang}
            dir="auto"
            value={value?.[lang] ?? ''}
            data-testid={`${testId}-${lang}`}
            onChange={(e) => onChange(lang, e.target.value)}
          />
          <FieldProblem problems={problems} path={`${path}.${lang}`} />
        </label>
      ))}
      <FieldProblem problems={problems} path={path} />
    </div>
  );
}
