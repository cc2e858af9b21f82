import { serviceById } from '../../../domain/config/types.ts';
import { dayBookings } from '../../../domain/queue/booked-check-in.ts';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { useNow } from '../../../ui/useNow.ts';
import { useDevice, useRuntime } from '../../shell/device-context.ts';

/**
 * Today's bookings by time (/book), from the day's log: who is expected, who came (with the
 * ticket they hold), who cancelled, and who is past their late limit without coming. Shown
 * only where a service offers booking.
 */
export function BookingsPanel() {
  const { config } = useRuntime();
  const { state } = useDevice();
  const { t, text, time } = useT();
  const now = useNow(30_000);
  if (!config.services.some((s) => s.booking)) return null;
  const list = dayBookings(state, config, now);
  const expected = list.filter((b) => b.appointment.status === 'booked').length;
  return (
    <section
      className="manager-panel manager-bookings"
      aria-labelledby="manager-bookings-title"
      data-testid="manager-bookings"
    >
      <h2 id="manager-bookings-title" className="manager-panel__title">
        {t('manager.bookings.title')}
        <span className="manager-panel__count">
          {t('manager.bookings.expected', { count: expected })}
        </span>
      </h2>
      {list.length === 0 ? (
        <p className="manager-panel__empty">{t('manager.bookings.none')}</p>
      ) : (
        <ul className="manager-bookings__list">
          {list.map((b) => {
            const service = serviceById(config, b.appointment.service);
            return (
              <li
                key={b.appointment.id}
                className="manager-booking"
                data-testid="manager-booking"
                data-status={b.status}
              >
                <span className="manager-booking__time">{time(b.appointment.at)}</span>{' '}
                <span>{service ? text(service.name) : b.appointment.service}</span>{' '}
                {b.appointment.name !== undefined && <span>{b.appointment.name}</span>}{' '}
                <span className="manager-booking__status">
                  {t(`manager.bookings.status.${b.status}`, { number: b.ticketNumber ?? '' })}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
