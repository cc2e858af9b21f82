import { LANGUAGES } from '../../ui/i18n/catalogs.ts';
import { textDirection } from '../../ui/i18n/locale.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';

/** The customer languages, each named in itself; hidden when there is only one. */
export function LanguagePicker(props: {
  languages: readonly string[];
  current: string;
  onChoose: (language: string) => void;
}) {
  const { t, languageName } = useT();
  const offered = props.languages.filter((l) => LANGUAGES.includes(l));
  if (offered.length < 2) return null;
  return (
    <nav className="kiosk-languages" aria-label={t('language.choose')}>
      {offered.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          dir={textDirection(code)}
          className="button button--secondary"
          aria-pressed={code === props.current}
          data-testid={`language-${code}`}
          onClick={() => props.onChoose(code)}
        >
          {languageName(code)}
        </button>
      ))}
    </nav>
  );
}
