import { useEffect, useRef, useState } from 'react';
import { takenAtFromLink } from '../../domain/kiosk/missing-ticket.ts';
import { canLeave } from '../../domain/kiosk/tracking.ts';
import { yourDataPanel } from '../../domain/kiosk/your-data.ts';
import { I18nProvider, useT } from '../../ui/i18n/I18nProvider.tsx';
import { PriorityMark } from '../../ui/PriorityMark.tsx';
import { AlertsSwitch } from './AlertsSwitch.tsx';
import { trackLanguage } from './track-language.ts';
import { TrackStatus } from './TrackStatus.tsx';
import { CheckIn } from '../join/CheckIn.tsx';
import { YourData } from './YourData.tsx';
import { useTicketAlerts } from './useTicketAlerts.ts';
import { useTicketView, type TicketState } from './useTicketView.ts';
import './track.css';

/**
 * The customer's ticket on their own phone (/t/<ticket>, opened from the QR code): number,
 * place in line and live wait, an alert at the N-th place and "please go to counter 3" with
 * sound, vibration and a notification (and Web Push where the hub has it), and a way to leave
 * the queue. It talks to the hub over HTTP only.
 */
export function TrackPage({
  ticket,
  search,
  initial,
}: {
  ticket: string;
  search: string;
  /** The ticket's view the hub put into the page, if any (checked before it is shown). */
  initial?: unknown;
}) {
  const takenAt = takenAtFromLink(search);
  const { state, leave } = useTicketView(ticket, takenAt, initial);
  const storeDefault = state.kind === 'view' ? state.view.store.defaultLanguage : undefined;
  const language = trackLanguage(search, navigator.languages ?? [], storeDefault);
  const view = state.kind === 'view' ? state.view : undefined;
  return (
    <I18nProvider
      language={language}
      {...(view
        ? { contentFallback: view.store.defaultLanguage, timeZone: view.store.timeZone }
        : {})}
    >
      <Track ticket={ticket} takenAt={takenAt} state={state} leave={leave} />
    </I18nProvider>
  );
}

const MESSAGES = {
  invalid: 'track.invalid',
  notFound: 'track.notFound',
  onItsWay: 'track.onItsWay',
  unreachable: 'track.offline',
  loading: 'track.loading',
} as const satisfies Record<Exclude<TicketState['kind'], 'view'>, string>;

function Track({
  ticket,
  takenAt,
  state,
  leave,
}: {
  ticket: string;
  takenAt: number | undefined;
  state: TicketState;
  leave: () => Promise<boolean>;
}) {
  const { t, text, language, dir } = useT();
  const view = state.kind === 'view' ? state.view : undefined;
  const { polite, shown, checked } = useTicketAlerts(view);
  const yourData = yourDataPanel(state);
  return (
    <main
      className="track"
      lang={language}
      dir={dir}
      data-testid="track"
      data-alerts-checked={checked}
    >
      {view && <p className="track__store">{text(view.store.name)}</p>}
      {state.kind === 'view' ? (
        <>
          <section className="track__card" aria-labelledby="track-label">
            <h1 id="track-label" className="track__label">
              {t('track.number')}
            </h1>
            <p className="track__number" data-testid="track-number">
              {state.view.number}
            </p>
            <p className="track__service">{text(state.view.service.name)}</p>
            {state.view.priority && <PriorityMark />}
            <TrackStatus view={state.view} />
          </section>
          {shown && (
            // the assertive live region below reads it out; this is for the eyes
            <p
              className={`track__alert track__alert--${shown.kind}`}
              data-testid="track-alert"
              data-kind={shown.kind}
              data-count={shown.count}
              aria-hidden="true"
            >
              {shown.message}
            </p>
          )}
          <CheckIn view={state.view} />
          <Freshness at={state.at} live={state.live} done={!canLeave(state.view)} />
          {canLeave(state.view) && <AlertsSwitch view={state.view} />}
          {canLeave(state.view) && <LeaveQueue onLeave={leave} />}
        </>
      ) : (
        <section className="track__card">
          <h1 className="track__label">{t('track.number')}</h1>
          <p
            className="track__message"
            data-testid="track-message"
            data-kind={state.kind}
            role={state.kind === 'loading' || state.kind === 'onItsWay' ? 'status' : 'alert'}
          >
            {t(MESSAGES[state.kind])}
          </p>
        </section>
      )}
      {yourData && <YourData ticket={ticket} keepDays={yourData.keepDays} takenAt={takenAt} />}
      <p className="visually-hidden" aria-live="polite" data-testid="track-announce-polite">
        {polite}
      </p>
      <p className="visually-hidden" aria-live="assertive" data-testid="track-announce">
        {shown?.message}
      </p>
    </main>
  );
}

function Freshness({ at, live, done }: { at: number; live: boolean; done: boolean }) {
  const { t, time } = useT();
  return (
    <p className="track__fresh" data-testid="track-updated" data-live={live}>
      {live ? t('track.updated', { time: time(at) }) : t('track.offline')}
      {live && !done && <span className="track__fresh-note"> · {t('track.live')}</span>}
    </p>
  );
}

function LeaveQueue({ onLeave }: { onLeave: () => Promise<boolean> }) {
  const { t } = useT();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const leaveRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button
        type="button"
        ref={leaveRef}
        className="button button--danger track__leave"
        data-testid="track-leave"
        onClick={() => {
          setFailed(false);
          setAsking(true);
        }}
      >
        {t('track.leave')}
      </button>
    );
  }
  return (
    <section className="track__confirm" aria-labelledby="track-leave-question">
      <p id="track-leave-question">{t('track.leave.confirm')}</p>
      {failed && <p role="alert">{t('track.leave.failed')}</p>}
      <div className="track__confirm-buttons">
        <button
          type="button"
          className="button button--primary"
          data-testid="track-leave-no"
          onClick={() => setAsking(false)}
        >
          {t('track.leave.no')}
        </button>
        <button
          type="button"
          ref={confirmRef}
          className="button button--danger"
          data-testid="track-leave-yes"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void onLeave().then((ok) => {
              setBusy(false);
              if (ok) setAsking(false);
              else setFailed(true);
            });
          }}
        >
          {t('track.leave.yes')}
        </button>
      </div>
    </section>
  );
}
