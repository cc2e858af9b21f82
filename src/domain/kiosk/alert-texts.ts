import type { TicketAlert } from './ticket-alerts.ts';
import type { TicketView } from './tracking.ts';

/**
 * The words of a ticket's alerts in the customer's language, rendered by the tracking page
 * (which holds the translations) and handed to the hub with a Web Push subscription, so a
 * push says exactly what the open page would.
 */
export interface AlertTexts {
  readonly language: string;
  /** "soon" by people ahead: [0] is "you are next"; more people ahead than listed use the last. */
  readonly soon: readonly string[];
  /** "called", with COUNTER_SLOT where the counter's name goes (known only once called). */
  readonly called: string;
  /** The store's name, the notification's second line. */
  readonly store: string;
}

export const COUNTER_SLOT = '{counter}';
/** Bounds on what a phone may hand over. */
export const MAX_SOON_TEXTS = 10;
const MAX_TEXT = 300;

export function alertText(alert: TicketAlert, view: TicketView, texts: AlertTexts): string {
  if (alert === 'called') {
    const names = view.counter?.name ?? {};
    const counter =
      names[texts.language] ?? names[view.store.defaultLanguage] ?? Object.values(names)[0] ?? '';
    return texts.called.replace(COUNTER_SLOT, counter);
  }
  const ahead = Math.min(view.ahead ?? 0, texts.soon.length - 1);
  return texts.soon[ahead] ?? '';
}

const short = (x: unknown): x is string => typeof x === 'string' && x.length <= MAX_TEXT;

/** The texts as a phone sent them, or undefined when they break the bounds. */
export function parseAlertTexts(x: unknown): AlertTexts | undefined {
  if (typeof x !== 'object' || x === null) return undefined;
  const { language, soon, called, store } = x as Record<string, unknown>;
  if (!short(language) || language.length > 16 || !short(called) || !short(store)) return undefined;
  if (!Array.isArray(soon) || soon.length < 1 || soon.length > MAX_SOON_TEXTS) return undefined;
  if (!soon.every(short)) return undefined;
  return { language, soon, called, store };
}
