import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from '../shell/device-context.ts';
import { KioskProblem } from './KioskProblem.tsx';
import { LanguagePicker } from './LanguagePicker.tsx';
import { ServiceButton } from './ServiceButton.tsx';
import type { IssueProblem } from './useIssueTicket.ts';

/** The store's greeting and one large button per service. */
export function WelcomeScreen(props: {
  issuing: boolean;
  problem: IssueProblem | undefined;
  language: string;
  onLanguage: (language: string) => void;
  onChooseService: (serviceId: string) => void;
}) {
  const { config } = useRuntime();
  const { t, text, language } = useT();
  return (
    <main className="kiosk kiosk-welcome" lang={language}>
      <header className="kiosk-welcome__header">
        <h1 className="kiosk__title">
          {t('kiosk.welcome.title', { store: text(config.store.name) })}
        </h1>
        <p className="kiosk__lead">{t('kiosk.welcome.prompt')}</p>
      </header>
      {props.problem && <KioskProblem problem={props.problem} />}
      {config.services.length === 0 ? (
        <p className="kiosk__lead">{t('kiosk.welcome.noServices')}</p>
      ) : (
        <div className="kiosk-services" aria-busy={props.issuing}>
          {config.services.map((service) => (
            <ServiceButton
              key={service.id}
              service={service}
              disabled={props.issuing}
              onChoose={props.onChooseService}
            />
          ))}
        </div>
      )}
      <p className="kiosk-welcome__status" role="status">
        {props.issuing ? t('kiosk.issuing') : ''}
      </p>
      <LanguagePicker
        languages={config.store.languages}
        current={props.language}
        onChoose={props.onLanguage}
      />
    </main>
  );
}
