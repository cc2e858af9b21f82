import { useT } from '../../ui/i18n/I18nProvider.tsx';

export function NotFound() {
  const { t } = useT();
  return (
    <main className="shell-message">
      <h1 className="shell-message__title">{t('notFound.title')}</h1>
      <a className="button button--primary" href="/">
        {t('notFound.back')}
      </a>
    </main>
  );
}
