import type { TicketView } from '../../domain/kiosk/tracking.ts';
import { aheadToTell } from '../../domain/wait/ahead.ts';
import { waitInMinutes } from '../../domain/wait/minutes.ts';
import type { I18n } from '../../ui/i18n/i18n.ts';

/**
 * What a waiting ticket's card says: people ahead, "stay close", the wait or "no counter is
 * open". One place for React's card (TrackStatus) and the page's first paint (phone/first-paint).
 */
export interface WaitingLines {
  /** How many people ahead, as the line model tells it (domain/wait/ahead.ts). */
  readonly ahead?: { readonly count: number; readonly text: string };
  readonly next?: string;
  readonly wait?: { readonly text: string; readonly noCounter: boolean };
  /** What happens with no counter open. */
  readonly note?: string;
}

export function waitingLines(
  view: TicketView,
  { t, duration, durationRange }: Pick<I18n, 't' | 'duration' | 'durationRange'>,
): WaitingLines {
  // first in line with no counter open is not "next"
  const count =
    view.ahead === null ? undefined : aheadToTell({ ahead: view.ahead, next: view.next });
  const wait = view.wait ? waitInMinutes(view.wait) : undefined;
  return {
    ...(count !== undefined ? { ahead: { count, text: t('track.ahead', { count }) } } : {}),
    ...(view.next ? { next: t('track.next') } : {}),
    ...(wait?.kind === 'noCounter'
      ? {
          wait: { text: t('wait.noCounter'), noCounter: true },
          note: t('track.callWhenOpen'),
        }
      : wait
        ? {
            wait: {
              noCounter: false,
              text:
                wait.kind === 'underMinute'
                  ? t('track.waitUnderMinute')
                  : t('track.waitAbout', {
                      estimate: duration(wait.estimate),
                      range: durationRange(wait.low, wait.high),
                    }),
            },
          }
        : {}),
  };
}
