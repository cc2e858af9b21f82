/**
 * /join on a customer's phone: the store's services with the wait now, one tap to a ticket,
 * an optional first name, then the tracking page /t/<ticket>. No app, no account; it talks
 * to the hub over HTTP only (src/hub/join-api.ts), in the customer's language.
 */
import { useCallback, useEffect, useState } from 'react';
import type { JoinRefusal } from '../../domain/join/join-issue.ts';
import { MAX_NAME_LENGTH } from '../../domain/queue/events.ts';
import { I18nProvider, useT } from '../../ui/i18n/I18nProvider.tsx';
import { trackLanguage } from '../track/track-language.ts';
import { fetchMenu, join, type JoinMenu } from './join-client.ts';
import { ServiceChoice } from './ServiceChoice.tsx';
import '../../ui/phone-page.css';
import './join.css';

/** The waits change as the line moves: the menu is read again this often. */
const REFRESH_MS = 15_000;

export function JoinPage({ search }: { search: string }) {
  const [menu, setMenu] = useState<JoinMenu | null>();
  const refresh = useCallback(async () => setMenu((await fetchMenu()) ?? null), []);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  const language = trackLanguage(search, navigator.languages ?? [], menu?.store.defaultLanguage);
  return (
    <I18nProvider
      language={language}
      {...(menu
        ? { contentFallback: menu.store.defaultLanguage, timeZone: menu.store.timeZone }
        : {})}
    >
      <Join menu={menu} language={language} refresh={refresh} />
    </I18nProvider>
  );
}

type Refusal = JoinRefusal | { readonly kind: 'offline' };

function Join(props: {
  menu: JoinMenu | null | undefined;
  language: string;
  refresh: () => Promise<void>;
}) {
  const { menu } = props;
  const { t, text, dir } = useT();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
  const choose = async (service: string) => {
    setBusy(true);
    setRefusal(undefined);
    const outcome = await join(service, name, props.language);
    if (outcome.ok) {
      location.assign(`/t/${outcome.ticket}?lang=${encodeURIComponent(props.language)}`);
      return;
    }
    setRefusal(outcome.refusal);
    setBusy(false);
    await props.refresh();
  };
  return (
    <main className="phone-page join" lang={props.language} dir={dir} data-testid="join">
      {menu === undefined ? (
        <p role="status">{t('join.joining')}</p>
      ) : menu === null ? (
        <p role="alert" data-testid="join-offline">
          {t('join.error.offline')}
        </p>
      ) : !menu.offered ? (
        <p role="alert" data-testid="join-not-offered">
          {t('join.notOffered')}
        </p>
      ) : (
        <>
          <h1 className="phone-page__title">{t('join.title', { store: text(menu.store.name) })}</h1>
          <p className="phone-page__intro">{t('join.intro')}</p>
          <label className="phone-page__name">
            <span>{t('join.name.label')}</span>
            <input
              type="text"
              autoComplete="given-name"
              maxLength={MAX_NAME_LENGTH}
              value={name}
              data-testid="join-name"
              onChange={(e) => setName(e.target.value)}
            />
            <small>{t('join.name.hint')}</small>
          </label>
          {refusal && <RefusalMessage refusal={refusal} />}
          <div className="join__services">
            {menu.services.map((s) => (
              <ServiceChoice
                key={s.id}
                service={s}
                timeZone={menu.store.timeZone}
                now={Date.now()}
                disabled={busy}
                onChoose={(id) => void choose(id)}
              />
            ))}
          </div>
          {busy && <p role="status">{t('join.joining')}</p>}
        </>
      )}
    </main>
  );
}

function RefusalMessage({ refusal }: { refusal: Refusal }) {
  const { t, time } = useT();
  const common = { className: 'join-error', role: 'alert', 'data-testid': 'join-refused' };
  switch (refusal.kind) {
    case 'phoneHasTicket':
      return (
        <p {...common} data-kind={refusal.kind}>
          {t('join.error.phoneHasTicket')}{' '}
          <a href={`/t/${refusal.ticket}`} data-testid="join-open-ticket">
            {t('join.openTicket')}
          </a>
        </p>
      );
    case 'addressLimit':
    case 'serviceHourFull':
      return (
        <p {...common} data-kind={refusal.kind}>
          {t(
            refusal.kind === 'addressLimit'
              ? 'join.error.addressLimit'
              : 'join.error.serviceHourFull',
            { time: time(refusal.retryAt) },
          )}
        </p>
      );
    case 'closed':
    case 'lineFull':
    case 'capReached':
      return (
        <p {...common} data-kind={refusal.kind}>
          {t('kiosk.error.notIssuing')}
        </p>
      );
    case 'notOffered':
      return (
        <p {...common} data-kind={refusal.kind}>
          {t('join.notOffered')}
        </p>
      );
    case 'offline':
      return (
        <p {...common} data-kind={refusal.kind}>
          {t('join.error.offline')}
        </p>
      );
    default:
      return (
        <p {...common} data-kind={refusal.kind}>
          {t('join.error.other')}
        </p>
      );
  }
}
