import { COUNTER_SLOT, MAX_SOON_TEXTS, type AlertTexts } from '../../domain/kiosk/alert-texts.ts';
import type { TicketAlert } from '../../domain/kiosk/ticket-alerts.ts';
import type { TicketView } from '../../domain/kiosk/tracking.ts';
import type { Translate } from '../../ui/i18n/translate.ts';

/** The words of the phone's alerts: on the page, and handed to the hub for its pushes. */
export function soonMessage(t: Translate, number: string, ahead: number): string {
  return ahead === 0
    ? t('track.alert.next', { number })
    : t('track.alert.soon', { number, count: ahead });
}

export function alertMessage(
  t: Translate,
  alert: TicketAlert,
  view: TicketView,
  counter: string,
): string {
  return alert === 'called'
    ? t('track.alert.called', { number: view.number, counter })
    : soonMessage(t, view.number, view.ahead ?? 0);
}

export function alertTexts(
  t: Translate,
  view: TicketView,
  language: string,
  store: string,
): AlertTexts {
  const count = Math.max(1, Math.min(view.alertAtPlace, MAX_SOON_TEXTS));
  return {
    language,
    soon: Array.from({ length: count }, (_, ahead) => soonMessage(t, view.number, ahead)),
    called: t('track.alert.called', { number: view.number, counter: COUNTER_SLOT }),
    store,
  };
}
