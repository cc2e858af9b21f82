import { useEffect, useRef, useState } from 'react';
import { stepAlerts, type TicketAlert } from '../../domain/kiosk/ticket-alerts.ts';
import type { TicketView } from '../../domain/kiosk/tracking.ts';
import { aheadToTell } from '../../domain/wait/ahead.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { alertMessage } from './alert-message.ts';
import { loadAlertMemory, saveAlertMemory } from './alert-memory.ts';
import { notify, vibrate } from './alerts.ts';
import { chime } from './chime.ts';

/** The alert last fired on this page: what it said, and how many fired since the page opened. */
export interface ShownAlert {
  readonly kind: TicketAlert;
  readonly message: string;
  readonly count: number;
}

/**
 * Screen-reader announcements as the ticket moves, and the two alerts ("soon" at the N-th
 * place, "called") with sound, vibration and a notification, each once per ticket: the rule is
 * domain/kiosk/ticket-alerts.ts, its memory kept across reloads (alert-memory.ts).
 */
export function useTicketAlerts(view: TicketView | undefined) {
  const { t, text } = useT();
  const previous = useRef<TicketView>(undefined);
  const [polite, setPolite] = useState('');
  const [shown, setShown] = useState<ShownAlert>();
  /** The last view the rule looked at ("status:ahead:calls"): tests wait on it. */
  const [checked, setChecked] = useState('');
  useEffect(() => {
    if (!view) return;
    const prev = previous.current;
    previous.current = view;
    const { memory, alerts } = stepAlerts(loadAlertMemory(view.ticket), view);
    saveAlertMemory(view.ticket, memory);
    setChecked(`${view.status}:${view.ahead ?? ''}:${view.calls}`);
    const alert = alerts[0];
    if (alert) {
      const message = alertMessage(t, alert, view, view.counter ? text(view.counter.name) : '');
      setShown((s) => ({ kind: alert, message, count: (s?.count ?? 0) + 1 }));
      chime(alert);
      vibrate(alert === 'called' ? [400, 150, 400, 150, 400] : [300, 150, 300]);
      void notify(message, text(view.store.name), `nextup-${view.ticket}`);
    } else if (prev && view.ahead !== null && view.ahead !== prev.ahead) {
      const ahead = aheadToTell({ ahead: view.ahead, next: view.next });
      if (ahead !== undefined) setPolite(t('track.ahead', { count: ahead }));
    }
  }, [view, t, text]);
  return { polite, shown, checked };
}
