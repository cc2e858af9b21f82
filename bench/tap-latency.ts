import type { Browser, Page } from 'playwright-core';
import { openClerk, openKiosk } from '../test/support/surfaces.ts';
import { summarize, type Summary } from './stats.ts';

export interface TapLatency {
  readonly tapToTicketMs: Summary;
  readonly tapToClerkMs: Summary;
}

/** Timestamps comparable across pages of one browser: timeOrigin + now. */
export const installProbes = {
  kiosk: () => {
    const w = window as unknown as { __tapAt?: number; __shownAt?: number; __drawnAt?: number };
    document.addEventListener(
      'pointerdown',
      () => (w.__tapAt = performance.timeOrigin + performance.now()),
      true,
    );
    new MutationObserver(() => {
      if (w.__shownAt === undefined && document.querySelector('[data-testid="ticket-number"]')) {
        w.__shownAt = performance.timeOrigin + performance.now();
        // the frame that draws it (as bench/track-open.ts)
        requestAnimationFrame(() => (w.__drawnAt = performance.timeOrigin + performance.now()));
      }
    }).observe(document.body, { childList: true, subtree: true });
  },
  clerk: () => {
    const w = window as unknown as { __seen: Record<string, number> };
    w.__seen = {};
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('[data-testid="queue-item"]')) {
        const n = el.getAttribute('data-number') ?? '';
        w.__seen[n] ??= performance.timeOrigin + performance.now();
      }
    }).observe(document.body, { childList: true, subtree: true, attributes: true });
  },
};

export async function oneTap(kiosk: Page, clerk: Page, service: string): Promise<[number, number]> {
  await kiosk.evaluate(() => {
    const w = window as unknown as { __tapAt?: number; __shownAt?: number };
    delete w.__tapAt;
    delete w.__shownAt;
  });
  await kiosk.getByTestId(`service-${service}`).click();
  const number = (await kiosk.getByTestId('ticket-number').textContent())?.trim() ?? '';
  const [tapAt, shownAt] = await kiosk.evaluate(() => {
    const w = window as unknown as { __tapAt: number; __shownAt: number };
    return [w.__tapAt, w.__shownAt];
  });
  await clerk.waitForFunction(
    (n) => (window as unknown as { __seen: Record<string, number> }).__seen[n] !== undefined,
    number,
    {
      timeout: 10_000,
    },
  );
  const seenAt = await clerk.evaluate(
    (n) => (window as unknown as { __seen: Record<string, number> }).__seen[n]!,
    number,
  );
  await kiosk.getByTestId('ticket-done').click();
  await kiosk.getByTestId(`service-${service}`).waitFor();
  return [shownAt - tapAt, seenAt - tapAt];
}

/** Kiosk tap to ticket on screen, and to the ticket on another context's clerk list. */
export async function measureTapLatency(
  browser: Browser,
  baseUrl: string,
  samples = 20,
): Promise<TapLatency> {
  const kiosk = await openKiosk(await browser.newContext(), baseUrl, 'kiosk-1');
  const clerk = await openClerk(await browser.newContext(), baseUrl, 'counter-1');
  await kiosk.evaluate(installProbes.kiosk);
  await clerk.evaluate(installProbes.clerk);
  const toTicket: number[] = [];
  const toClerk: number[] = [];
  for (let i = 0; i < samples + 3; i++) {
    const [a, b] = await oneTap(kiosk, clerk, 'advice');
    if (i >= 3) {
      // the first taps warm up code paths and connections
      toTicket.push(a);
      toClerk.push(b);
    }
  }
  await kiosk.context().close();
  await clerk.context().close();
  return { tapToTicketMs: summarize(toTicket), tapToClerkMs: summarize(toClerk) };
}
