import { alertText, type AlertTexts } from '../../domain/kiosk/alert-texts.ts';
import type { TicketAlert } from '../../domain/kiosk/ticket-alerts.ts';
import type { TicketView } from '../../domain/kiosk/tracking.ts';

/**
 * A push message as the service worker shows it (public/push-sw.js), in the words the phone
 * rendered when it subscribed (domain/kiosk/alert-texts.ts).
 */
export interface PushMessage {
  readonly title: string;
  readonly body: string;
  /** One notification per ticket: "called" replaces "soon". */
  readonly tag: string;
  readonly kind: TicketAlert;
  /** The page to open on a tap. */
  readonly url: string;
}

export function pushMessage(alert: TicketAlert, view: TicketView, texts: AlertTexts): PushMessage {
  return {
    title: alertText(alert, view, texts),
    body: texts.store,
    tag: `nextup-${view.ticket}`,
    kind: alert,
    url: `/t/${view.ticket}?lang=${encodeURIComponent(texts.language)}`,
  };
}
