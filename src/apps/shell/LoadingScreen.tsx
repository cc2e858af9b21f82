import { useT } from '../../ui/i18n/I18nProvider.tsx';

export function LoadingScreen() {
  const { t } = useT();
  return (
    <main className="shell-message" data-testid="loading" aria-busy="true">
      <div className="shell-message__spinner" aria-hidden="true" />
      <p className="shell-message__lead">{t('shell.loading')}</p>
    </main>
  );
}
