import { useEffect, useRef } from 'react';
import { customerLanguages } from '../../domain/config/types.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from '../shell/device-context.ts';
import { DisplayOptions, type DisplayPrefs } from './DisplayOptions.tsx';
import { KioskProblem } from './KioskProblem.tsx';
import { LanguagePicker } from './LanguagePicker.tsx';
import type { IssuingDeviceConfig } from '../../domain/config/types.ts';
import { BookingCheckIn } from './BookingCheckIn.tsx';
import { PhoneCheckIn } from './PhoneCheckIn.tsx';
import { ServiceButton } from './ServiceButton.tsx';
import { keepWelcomeSnapshot } from './welcome-snapshot.ts';
import type { QueueWait } from '../runtime/types.ts';
import type { IssuedTicket, IssueProblem } from './useIssueTicket.ts';

/** The store's greeting, one large button per service, languages and display options. */
export function WelcomeScreen(props: {
  /** A ticket is on its way and slow to come: "One moment…", the buttons disabled. */
  issuing: boolean;
  /** A ticket is on its way: the buttons hold what they show. */
  busy: boolean;
  problem: IssueProblem | undefined;
  language: string;
  display: DisplayPrefs;
  /** True when the customer came back from a ticket: focus moves to the greeting. */
  focusTitle: boolean;
  onLanguage: (language: string) => void;
  onDisplay: (prefs: DisplayPrefs) => void;
  onChooseService: (serviceId: string, priority: boolean, shown: QueueWait | undefined) => void;
  onRateLimitOver: () => void;
  kiosk: IssuingDeviceConfig;
  /** A booked customer checked in by their code: show their ticket. */
  onBookedTicket: (ticket: IssuedTicket) => void;
}) {
  const { config } = useRuntime();
  const { t, text, language, dir } = useT();
  const title = useRef<HTMLHeadingElement>(null);
  const main = useRef<HTMLElement>(null);
  const { focusTitle } = props;
  // the next start's first paint: the welcome as every customer first sees it
  const asFirstSeen =
    props.language === config.store.defaultLanguage &&
    !props.display.contrast &&
    !props.display.large;
  const stillFirstSeen = useRef(asFirstSeen);
  useEffect(() => {
    stillFirstSeen.current = asFirstSeen;
    // (saved a moment later: only if no customer has changed the language or display by then)
    if (asFirstSeen) keepWelcomeSnapshot(() => (stillFirstSeen.current ? main.current : null));
  }, [asFirstSeen]);
  useEffect(() => {
    if (focusTitle) title.current?.focus();
  }, [focusTitle]);
  const anyPriority = config.services.some((s) => s.allowPriority);
  const anyCheckIn = config.services.some((s) => s.remote?.checkIn || s.booking);
  return (
    <main
      ref={main}
      className="kiosk kiosk-welcome"
      lang={language}
      dir={dir}
      data-testid="kiosk-welcome"
    >
      <header className="kiosk-welcome__header">
        <h1 className="kiosk__title" ref={title} tabIndex={-1}>
          {t('kiosk.welcome.title', { store: text(config.store.name) })}
        </h1>
        <p className="kiosk__lead">{t('kiosk.welcome.prompt')}</p>
      </header>
      {props.problem && (
        <KioskProblem
          key={props.problem.kind === 'rateLimited' ? props.problem.retryAt : props.problem.kind}
          problem={props.problem}
          onRateLimitOver={props.onRateLimitOver}
        />
      )}
      {config.services.length === 0 ? (
        <p className="kiosk__lead">{t('kiosk.welcome.noServices')}</p>
      ) : (
        <div className="kiosk-services" aria-busy={props.issuing}>
          {config.services.map((service) => (
            <ServiceButton
              key={service.id}
              service={service}
              disabled={props.issuing}
              held={props.busy}
              onChoose={props.onChooseService}
            />
          ))}
        </div>
      )}
      {anyPriority && <p className="kiosk-welcome__hint">{t('kiosk.priority.hint')}</p>}
      {/* only where the store takes phone tickets or bookings: an empty row would still take
          the screen's gap, and the footer must stay on a small tablet's screen */}
      {anyCheckIn && (
        <div className="kiosk-checkins">
          <PhoneCheckIn />
          <BookingCheckIn
            kiosk={props.kiosk}
            language={props.language}
            onTicket={props.onBookedTicket}
          />
        </div>
      )}
      <footer className="kiosk-welcome__footer" data-testid="kiosk-footer">
        {/* just above the footer while a ticket is being issued, taking no room otherwise */}
        <p className="kiosk-welcome__status" role="status">
          {props.issuing ? t('kiosk.issuing') : ''}
        </p>
        <LanguagePicker
          languages={customerLanguages(config)}
          current={props.language}
          onChoose={props.onLanguage}
        />
        <DisplayOptions prefs={props.display} onChange={props.onDisplay} />
      </footer>
    </main>
  );
}
