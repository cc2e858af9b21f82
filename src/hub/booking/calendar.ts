/**
 * The booking as an iCalendar file (.ics), for "Add to calendar": one event at the slot, as
 * long as the slot, named after the service and the store in the customer's language, with
 * the check-in code and the link back to the confirmation page. The format is the `ics`
 * package's (RFC 5545 folding, escaping and UTC times done by a maintained library).
 */
import { createEvent } from 'ics';
import type { Booking } from '../../domain/booking/bookings.ts';
import { localized, type StoreConfig } from '../../domain/config/types.ts';

export function bookingCalendar(
  cfg: StoreConfig,
  booking: Booking,
  link: string,
  lang: string,
): string | undefined {
  const service = cfg.services.find((s) => s.id === booking.service);
  const fallback = cfg.store.defaultLanguage;
  const serviceName = service ? localized(service.name, lang, fallback) : booking.service;
  const storeName = localized(cfg.store.name, lang, fallback);
  const { error, value } = createEvent({
    uid: `${booking.id}@nextup`,
    productId: 'nextup/book',
    start: booking.at,
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: service?.booking?.slotMin ?? 15 },
    title: `${serviceName} – ${storeName}`,
    description: `#${booking.code}\n${link}`,
    url: link,
  });
  return error || value === undefined || value === null ? undefined : value;
}
