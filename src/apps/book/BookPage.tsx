/**
 * /book on a customer's phone: choose a service, a day and a time with a free place, leave a
 * first name if you like, book; then the booking's own page (/book/<id>?k=…, Confirmation.tsx).
 * No app, no account; HTTP to the hub only (src/hub/booking/book-api.ts), in the customer's
 * language (the join page's choice of it).
 */
import { useCallback, useEffect, useState } from 'react';
import { MAX_NAME_LENGTH } from '../../domain/queue/events.ts';
import { I18nProvider, useT } from '../../ui/i18n/I18nProvider.tsx';
import { trackLanguage } from '../track/track-language.ts';
import { book, fetchMenu, type BookMenu, type Refusal } from './book-client.ts';
import { Confirmation } from './Confirmation.tsx';
import { RefusalMessage } from './RefusalMessage.tsx';
import { SlotPicker } from './SlotPicker.tsx';
import '../../ui/phone-page.css';
import './book.css';

export function BookPage({ pathname, search }: { pathname: string; search: string }) {
  const [menu, setMenu] = useState<BookMenu | null>();
  useEffect(() => {
    void fetchMenu().then((m) => setMenu(m ?? null));
  }, []);
  const language = trackLanguage(search, navigator.languages ?? [], menu?.store.defaultLanguage);
  const id = /^\/book\/([^/]+)\/*$/.exec(pathname)?.[1];
  const k = new URLSearchParams(search).get('k') ?? '';
  return (
    <I18nProvider
      language={language}
      {...(menu
        ? { contentFallback: menu.store.defaultLanguage, timeZone: menu.store.timeZone }
        : {})}
    >
      <Page menu={menu} language={language} booking={id !== undefined ? { id, k } : undefined} />
    </I18nProvider>
  );
}

function Page(props: {
  menu: BookMenu | null | undefined;
  language: string;
  booking: { id: string; k: string } | undefined;
}) {
  const { menu } = props;
  const { t, dir } = useT();
  return (
    <main className="phone-page book" lang={props.language} dir={dir} data-testid="book">
      {menu === undefined ? (
        <p role="status">{t('book.loading')}</p>
      ) : menu === null ? (
        <p role="alert" data-testid="book-offline">
          {t('book.error.offline')}
        </p>
      ) : props.booking ? (
        <Confirmation menu={menu} language={props.language} {...props.booking} />
      ) : !menu.offered ? (
        <p role="alert" data-testid="book-not-offered">
          {t('book.notOffered')}
        </p>
      ) : (
        <NewBooking menu={menu} language={props.language} />
      )}
    </main>
  );
}

function NewBooking({ menu, language }: { menu: BookMenu; language: string }) {
  const { t, text, time } = useT();
  const [service, setService] = useState(menu.services[0]?.id ?? '');
  const [at, setAt] = useState<number>();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
  const [refresh, setRefresh] = useState(0);
  const choose = useCallback((x: number | undefined) => setAt(x), []);
  const submit = async () => {
    if (at === undefined) return;
    setBusy(true);
    setRefusal(undefined);
    const outcome = await book(service, at, name, language);
    if (outcome.ok) {
      const { appointment, token } = outcome.value;
      location.assign(`/book/${appointment}?k=${token}&lang=${encodeURIComponent(language)}`);
      return;
    }
    setRefusal(outcome.refusal);
    setBusy(false);
    setRefresh((n) => n + 1);
  };
  return (
    <>
      <h1 className="phone-page__title">{t('book.title', { store: text(menu.store.name) })}</h1>
      <p className="phone-page__intro">{t('book.intro')}</p>
      <fieldset className="book-services">
        <legend>{t('book.service')}</legend>
        {menu.services.map((s) => (
          <button
            key={s.id}
            type="button"
            className="book-chip"
            aria-pressed={s.id === service}
            data-testid={`book-service-${s.id}`}
            onClick={() => setService(s.id)}
          >
            {text(s.name)}
          </button>
        ))}
      </fieldset>
      <SlotPicker menu={menu} service={service} chosen={at} onChoose={choose} refresh={refresh} />
      <label className="phone-page__name">
        <span>{t('book.name.label')}</span>
        <input
          type="text"
          autoComplete="given-name"
          maxLength={MAX_NAME_LENGTH}
          value={name}
          data-testid="book-name"
          onChange={(e) => setName(e.target.value)}
        />
        <small>{t('book.name.hint')}</small>
      </label>
      {refusal && <RefusalMessage refusal={refusal} />}
      <button
        type="button"
        className="button book__submit"
        data-testid="book-submit"
        disabled={busy || at === undefined}
        onClick={() => void submit()}
      >
        {at !== undefined ? t('book.submit', { time: time(at) }) : t('book.time')}
      </button>
    </>
  );
}
