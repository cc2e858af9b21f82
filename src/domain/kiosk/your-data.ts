import { canLeave, type TicketView } from './tracking.ts';

/**
 * The rules of the tracking page's "Your data" panel (src/apps/track/YourData.tsx, which only
 * renders them): when it is shown, which of its buttons work, where it asks the hub
 * (src/hub/personal-data-api.ts) and what each answer tells the customer.
 */
export type DataRequest = 'idle' | 'busy' | 'forgotten' | 'inLine' | 'tooMany' | 'failed';
export type DataAction = 'data' | 'forget';

/** What the page knows about its ticket (src/apps/track/useTicketView.ts). */
export interface TrackedTicket {
  readonly kind: string;
  readonly view?: Pick<TicketView, 'status' | 'store'>;
}

/**
 * The panel, or undefined when hidden: not while the customer is in line or at the counter
 * (nothing is over yet, and a note may still be written). A ticket of an earlier day (not
 * found today) still offers it: its data can be had or deleted with its link. `keepDays`: the
 * retention to tell the customer, 0 when the page does not know it.
 */
export function yourDataPanel(t: TrackedTicket): { readonly keepDays: number } | undefined {
  if (t.kind === 'notFound') return { keepDays: 0 };
  if (t.kind !== 'view' || !t.view) return undefined;
  if (canLeave(t.view) || t.view.status === 'serving') return undefined;
  return { keepDays: t.view.store.personalDataDays };
}

/** Which buttons work: none while a request is on its way; deleting once is enough. */
export function dataButtons(asked: DataRequest): { download: boolean; forget: boolean } {
  const busy = asked === 'busy';
  return { download: !busy, forget: !busy && asked !== 'forgotten' };
}

/** The hub's address for an action, with the link's `at` so the hub reads only that day. */
export function dataUrl(ticket: string, action: DataAction, takenAt?: number): string {
  const at = takenAt === undefined ? '' : `?at=${Math.floor(takenAt / 1000)}`;
  return `/api/track/${encodeURIComponent(ticket)}/${action}${at}`;
}

/** What the hub's answer (its HTTP status) means for the customer. */
export function dataAnswer(action: DataAction, status: number): DataRequest {
  if (status === 429) return 'tooMany';
  if (status >= 200 && status < 300) return action === 'forget' ? 'forgotten' : 'idle';
  if (action === 'forget' && status === 409) return 'inLine';
  return 'failed';
}
