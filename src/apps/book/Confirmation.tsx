/**
 * A booking's own page (/book/<id>?k=…): its day and time in the store's time zone, the
 * check-in code big enough to type at the kiosk, "Add to calendar", move, cancel, and
 * "I'm here", which opens the ticket's tracking page once the store has issued it.
 */
import { useCallback, useEffect, useState } from 'react';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import {
  calendarLink,
  cancel,
  fetchBooking,
  imHere,
  moveTo,
  type BookingView,
  type BookMenu,
  type Refusal,
} from './book-client.ts';
import { longDay } from './book-format.ts';
import { RefusalMessage } from './RefusalMessage.tsx';
import { SlotPicker } from './SlotPicker.tsx';

export function Confirmation(props: { menu: BookMenu; language: string; id: string; k: string }) {
  const { id, k, menu, language } = props;
  const { t, text } = useT();
  const [view, setView] = useState<BookingView | null>();
  const [refusal, setRefusal] = useState<Refusal>();
  useEffect(() => {
    void fetchBooking(id, k).then((v) => setView(v ?? null));
  }, [id, k]);
  if (view === undefined) return <p role="status">{t('book.loading')}</p>;
  if (view === null) {
    return (
      <p role="alert" data-testid="book-not-found">
        {t('book.notFound')}
      </p>
    );
  }
  const service = menu.services.find((s) => s.id === view.service);
  const act = async (
    run: () => Promise<{ ok: true; value: BookingView } | { ok: false; refusal: Refusal }>,
  ) => {
    setRefusal(undefined);
    const outcome = await run();
    if (outcome.ok) setView(outcome.value);
    else setRefusal(outcome.refusal);
  };
  return (
    <section className="book-done" data-testid="book-confirmation" data-status={view.status}>
      <h1 className="phone-page__title">
        {t('book.done.title', { store: text(menu.store.name) })}
      </h1>
      <When view={view} language={language} timeZone={menu.store.timeZone} />
      {service && <p className="book-done__service">{text(service.name)}</p>}
      <Status view={view} />
      {view.status === 'booked' && (
        <>
          <div className="book-code">
            <span>{t('book.done.code')}</span>
            <strong data-testid="book-code" dir="ltr">
              {view.code}
            </strong>
            <small>{t('book.done.codeHint')}</small>
          </div>
          <Here id={id} k={k} view={view} language={language} onRefused={setRefusal} />
          <a
            className="button book__calendar"
            href={calendarLink(id, k)}
            download
            data-testid="book-calendar"
          >
            {t('book.calendar')}
          </a>
          <Change
            menu={menu}
            view={view}
            onMove={(at) => act(() => moveTo(id, k, at))}
            onCancel={() => act(() => cancel(id, k))}
          />
          <p className="phone-page__intro">{t('book.done.keep')}</p>
        </>
      )}
      {refusal && <RefusalMessage refusal={refusal} />}
    </section>
  );
}

function When({
  view,
  language,
  timeZone,
}: {
  view: BookingView;
  language: string;
  timeZone: string;
}) {
  const { t, time } = useT();
  return (
    <p className="book-done__when" data-testid="book-when" data-at={view.at}>
      {t('book.done.when', { day: longDay(view.at, language, timeZone), time: time(view.at) })}
    </p>
  );
}

function Status({ view }: { view: BookingView }) {
  const { t } = useT();
  if (view.status === 'cancelled') return <p data-testid="book-cancelled">{t('book.cancelled')}</p>;
  if (view.status === 'missed') return <p data-testid="book-missed">{t('book.missed')}</p>;
  if (view.status !== 'arrived') return null;
  return (
    <p data-testid="book-arrived">
      {t('book.arrived')}{' '}
      {view.ticket !== undefined && (
        <a href={`/t/${view.ticket}`} data-testid="book-open-ticket">
          {t('book.openTicket')}
        </a>
      )}
    </p>
  );
}

function Here(props: {
  id: string;
  k: string;
  view: BookingView;
  language: string;
  onRefused: (r: Refusal) => void;
}) {
  const { t, time } = useT();
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    const outcome = await imHere(props.id, props.k);
    if (outcome.ok) {
      location.assign(`/t/${outcome.value.ticket}?lang=${encodeURIComponent(props.language)}`);
      return;
    }
    props.onRefused(outcome.refusal);
    setBusy(false);
  };
  return (
    <div className="book-here">
      <p>
        {props.view.today
          ? t('book.here.until', { time: time(props.view.checkInUntil) })
          : t('book.here.notToday')}
      </p>
      {props.view.today && (
        <button
          type="button"
          className="button book-here__button"
          data-testid="book-here"
          disabled={busy}
          onClick={() => void send()}
        >
          {t('book.here')}
        </button>
      )}
    </div>
  );
}

function Change(props: {
  menu: BookMenu;
  view: BookingView;
  onMove: (at: number) => Promise<void>;
  onCancel: () => Promise<void>;
}) {
  const { t, time } = useT();
  const [moving, setMoving] = useState(false);
  const [sure, setSure] = useState(false);
  const [at, setAt] = useState<number>();
  const choose = useCallback((x: number | undefined) => setAt(x), []);
  if (moving) {
    return (
      <div className="book-move" data-testid="book-move-picker">
        <SlotPicker
          menu={props.menu}
          service={props.view.service}
          chosen={at}
          onChoose={choose}
          refresh={0}
        />
        <button
          type="button"
          className="button"
          data-testid="book-move-submit"
          disabled={at === undefined}
          onClick={() => at !== undefined && void props.onMove(at).then(() => setMoving(false))}
        >
          {at !== undefined ? t('book.move.submit', { time: time(at) }) : t('book.time')}
        </button>
        <button type="button" className="book-link" onClick={() => setMoving(false)}>
          {t('book.move.back')}
        </button>
      </div>
    );
  }
  return (
    <div className="book-change">
      <button
        type="button"
        className="book-link"
        data-testid="book-move"
        onClick={() => setMoving(true)}
      >
        {t('book.move')}
      </button>
      {sure ? (
        <button
          type="button"
          className="book-link book-link--danger"
          data-testid="book-cancel-sure"
          onClick={() => void props.onCancel()}
        >
          {t('book.cancel.sure')}
        </button>
      ) : (
        <button
          type="button"
          className="book-link"
          data-testid="book-cancel"
          onClick={() => setSure(true)}
        >
          {t('book.cancel')}
        </button>
      )}
    </div>
  );
}
