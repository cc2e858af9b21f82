/**
 * Choosing a time on /book: the day (today up to daysAhead), then a time with a free place.
 * Until the customer picks a day, the service's first day with a free time is shown (the hub's
 * `firstOpen`). A day with no slot at all says so, a day whose slots are all taken says that
 * instead.
 */
import { useEffect, useState } from 'react';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { fetchSlots, type BookMenu, type DaySlots } from './book-client.ts';
import { shortDate } from './book-format.ts';

export function SlotPicker(props: {
  menu: BookMenu;
  service: string;
  chosen: number | undefined;
  onChoose: (at: number | undefined) => void;
  /** Changes when the slots should be read again (after a refusal). */
  refresh: number;
}) {
  const { t, time, language } = useT();
  const [picked, setPicked] = useState<string>();
  const firstOpen = props.menu.services.find((s) => s.id === props.service)?.firstOpen;
  const date = picked ?? firstOpen ?? props.menu.days[0] ?? '';
  const [slots, setSlots] = useState<DaySlots | null>();
  const { service, onChoose } = props;
  useEffect(() => {
    let live = true;
    setSlots(undefined);
    onChoose(undefined);
    void fetchSlots(service, date).then((s) => live && setSlots(s ?? null));
    return () => {
      live = false;
    };
  }, [service, date, props.refresh, onChoose]);
  const open = slots?.slots.filter((s) => s.free > 0) ?? [];
  return (
    <div className="book-picker">
      <fieldset className="book-days">
        <legend>{t('book.day')}</legend>
        {props.menu.days.map((d) => (
          <button
            key={d}
            type="button"
            className="book-chip"
            aria-pressed={d === date}
            data-testid={`book-day-${d}`}
            onClick={() => setPicked(d)}
          >
            {shortDate(d, language)}
          </button>
        ))}
      </fieldset>
      <fieldset className="book-times" data-testid="book-times" data-date={date}>
        <legend>{t('book.time')}</legend>
        {slots === undefined ? (
          <p role="status">{t('book.loading')}</p>
        ) : slots === null ? (
          <p role="alert">{t('book.error.offline')}</p>
        ) : slots.slots.length === 0 ? (
          <p data-testid="book-no-times">{t('book.noTimes')}</p>
        ) : open.length === 0 ? (
          <p data-testid="book-day-full">{t('book.full')}</p>
        ) : (
          open.map((s) => (
            <button
              key={s.at}
              type="button"
              className="book-chip"
              aria-pressed={s.at === props.chosen}
              data-testid="book-slot"
              data-at={s.at}
              onClick={() => onChoose(s.at)}
            >
              {time(s.at)}
            </button>
          ))
        )}
      </fieldset>
    </div>
  );
}
