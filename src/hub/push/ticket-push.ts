import type { AlertTexts } from '../../domain/kiosk/alert-texts.ts';
import { FRESH_MEMORY, stepAlerts, type AlertMemory } from '../../domain/kiosk/ticket-alerts.ts';
import { canLeave, type TicketView } from '../../domain/kiosk/tracking.ts';
import type { Logger } from '../log.ts';
import type { PushSender, PushSubscriptionJson } from './push-port.ts';
import { pushMessage } from './push-text.ts';

/**
 * The phones that asked for Web Push, per ticket, and what each was already sent: on every
 * change of the queue the hub runs the same rule as the open page (domain/kiosk/
 * ticket-alerts.ts) for each subscription and sends what it fires through the port. A ticket
 * that ends (served, left, gone with the day) drops its subscriptions; so does a push service
 * that says the subscription is gone. Bounded in number, per ticket and in all.
 */
export interface TicketPushOptions {
  readonly sender: PushSender;
  readonly log: Logger;
  readonly maxSubscriptions?: number;
  readonly maxPerTicket?: number;
}

interface Entry {
  readonly subscription: PushSubscriptionJson;
  readonly texts: AlertTexts;
  memory: AlertMemory;
}

export type SubscribeOutcome = 'ok' | 'ended' | 'full';

export interface TicketPush {
  /** Registers a phone for a ticket's alerts; the view is the one it is looking at now. */
  subscribe(
    view: TicketView,
    subscription: PushSubscriptionJson,
    texts: AlertTexts,
  ): SubscribeOutcome;
  /** Runs the rule on each subscribed ticket's view now; resolves once every push was tried. */
  update(viewOf: (ticket: string) => TicketView | undefined): Promise<void>;
  /** Tickets with at least one subscription. */
  readonly size: number;
}

const ENDED = (view: TicketView | undefined) => !view || !canLeave(view);

export function createTicketPush(opts: TicketPushOptions): TicketPush {
  const { sender, log } = opts;
  const maxAll = opts.maxSubscriptions ?? 2000;
  const maxPerTicket = opts.maxPerTicket ?? 3;
  const byTicket = new Map<string, Entry[]>();
  let total = 0;

  function drop(ticket: string, entry: Entry): void {
    const list = byTicket.get(ticket);
    if (!list || !list.includes(entry)) return;
    list.splice(list.indexOf(entry), 1);
    total--;
    if (list.length === 0) byTicket.delete(ticket);
  }

  function subscribe(
    view: TicketView,
    subscription: PushSubscriptionJson,
    texts: AlertTexts,
  ): SubscribeOutcome {
    if (ENDED(view)) return 'ended';
    const list = byTicket.get(view.ticket) ?? [];
    const same = list.find((e) => e.subscription.endpoint === subscription.endpoint);
    if (same) drop(view.ticket, same);
    if (list.length >= maxPerTicket || total >= maxAll) return 'full';
    // the phone sees this view now: the rule's first step fires nothing, only remembers
    const memory = stepAlerts(same?.memory ?? FRESH_MEMORY, view).memory;
    list.push({ subscription, texts, memory });
    byTicket.set(view.ticket, list);
    total++;
    return 'ok';
  }

  async function deliver(ticket: string, entry: Entry, view: TicketView): Promise<void> {
    const { memory, alerts } = stepAlerts(entry.memory, view);
    entry.memory = memory;
    for (const alert of alerts) {
      const payload = JSON.stringify(pushMessage(alert, view, entry.texts));
      const result = await sender.send(entry.subscription, payload);
      if (result.ok) continue;
      const host = new URL(entry.subscription.endpoint).host;
      if (result.gone) {
        drop(ticket, entry);
        log.warn(
          'push',
          `ticket ${view.number}: ${result.reason} for ${host}: subscription gone, dropped`,
        );
      } else {
        log.warn(
          'push',
          `ticket ${view.number}: "${alert}" not delivered to ${host}: ${result.reason}`,
        );
      }
    }
  }

  async function update(viewOf: (ticket: string) => TicketView | undefined): Promise<void> {
    const sends: Promise<void>[] = [];
    for (const [ticket, list] of [...byTicket]) {
      const view = viewOf(ticket);
      if (!view) {
        for (const entry of [...list]) drop(ticket, entry);
        continue;
      }
      // the last alert ("called") goes out before a ticket that ended is dropped
      for (const entry of [...list]) sends.push(deliver(ticket, entry, view));
      if (ENDED(view)) for (const entry of [...list]) drop(ticket, entry);
    }
    await Promise.all(sends);
  }

  return {
    subscribe,
    update,
    get size() {
      return byTicket.size;
    },
  };
}
