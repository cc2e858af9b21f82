import { useCallback, useEffect, useState } from 'react';
import { missingTicket } from '../../domain/kiosk/missing-ticket.ts';
import { isTicketView } from '../../domain/kiosk/phone-pages.ts';
import { isTicketId, type TicketView } from '../../domain/kiosk/tracking.ts';

/** What the phone knows about its ticket. */
export type TicketState =
  | { readonly kind: 'invalid' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'notFound' }
  /** The hub does not know it yet (taken on a kiosk that was offline): asking again. */
  | { readonly kind: 'onItsWay' }
  /** Never reached the hub yet (or it is restarting); trying again. */
  | { readonly kind: 'unreachable' }
  | {
      readonly kind: 'view';
      readonly view: TicketView;
      /** When the last update arrived (local clock). */
      readonly at: number;
      /** False while the live stream is down and reconnecting. */
      readonly live: boolean;
    };

const RETRY_MS = 5000;

function firstState(ticket: string, valid: boolean, initial: unknown): TicketState {
  if (!valid) return { kind: 'invalid' };
  if (isTicketView(initial) && initial.ticket === ticket) {
    return { kind: 'view', view: initial, at: Date.now(), live: true };
  }
  return { kind: 'loading' };
}

/**
 * The ticket's view from the hub, kept live with Server-Sent Events (the browser reconnects by
 * itself after a network drop). A stream the hub refuses is followed by one plain request to
 * learn why: 404 means the ticket is on its way (a kiosk that was offline sends it when it
 * reconnects) or, once it cannot be, gone; anything else means try again shortly. `takenAt`
 * comes from the ticket's link; `initial` is the view the hub put into the page, shown until
 * the stream's first message.
 */
export function useTicketView(ticket: string, takenAt?: number, initial?: unknown) {
  const valid = isTicketId(ticket);
  const [state, setState] = useState<TicketState>(() => firstState(ticket, valid, initial));

  useEffect(() => {
    if (!valid) return;
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let missing = 0;
    const show = (view: TicketView) => setState({ kind: 'view', view, at: Date.now(), live: true });
    const down = () =>
      setState((s) => (s.kind === 'view' ? { ...s, live: false } : { kind: 'unreachable' }));

    const learnWhy = async () => {
      try {
        const res = await fetch(`/api/track/${ticket}`, { cache: 'no-store' });
        if (stopped) return;
        if (res.status === 404) {
          const verdict = missingTicket({ takenAt, now: Date.now(), attempts: missing });
          missing++;
          if (verdict.kind === 'notFound') return setState({ kind: 'notFound' });
          setState({ kind: 'onItsWay' });
          retry = setTimeout(open, verdict.retryInMs);
          return;
        }
        missing = 0;
        if (res.ok) {
          const body: unknown = await res.json();
          if (isTicketView(body)) show(body);
        } else down();
      } catch {
        if (!stopped) down();
      }
      retry = setTimeout(open, RETRY_MS);
    };

    function open(): void {
      if (stopped) return;
      source = new EventSource(`/api/track/${ticket}/events`);
      source.onmessage = (e: MessageEvent<string>) => {
        const body: unknown = JSON.parse(e.data);
        if (isTicketView(body)) show(body);
      };
      source.addEventListener('gone', () => {
        source?.close();
        setState({ kind: 'notFound' });
      });
      source.onerror = () => {
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          void learnWhy();
        } else {
          down();
        }
      };
    }

    open();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [ticket, valid, takenAt]);

  /** The customer leaves the queue; resolves false when it did not work. */
  const leave = useCallback(async (): Promise<boolean> => {
    try {
      const res = await fetch(`/api/track/${ticket}/cancel`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
      const body: unknown = await res.json();
      if (isTicketView(body)) setState({ kind: 'view', view: body, at: Date.now(), live: true });
      return res.ok;
    } catch {
      return false;
    }
  }, [ticket]);

  return { state, leave };
}
