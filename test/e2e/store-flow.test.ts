import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';
import { startMosquitto, type Mosquitto } from '../support/mosquitto.ts';
import {
  expectNoQueueItem,
  openBoard,
  openClerk,
  openKiosk,
  queueNumbers,
  takeTicket,
  waitForQueueItem,
  waitOnline,
} from '../support/surfaces.ts';

// The whole store through each kind of broker: the hub's embedded aedes and a real Mosquitto.
describe.each(['embedded', 'mosquitto'] as const)(
  'a store day through the %s broker',
  (brokerKind) => {
    let browser: Browser;
    let hub: TestHub;
    let mosquitto: Mosquitto | undefined;
    const contexts: BrowserContext[] = [];
    const newContext = async () => {
      const c = await browser.newContext({ viewport: { width: 1024, height: 768 } });
      contexts.push(c);
      return c;
    };

    beforeAll(async () => {
      if (brokerKind === 'mosquitto') mosquitto = await startMosquitto();
      hub = await startTestHub(mosquitto ? { broker: mosquitto } : {});
      browser = await launchChromium();
    });

    afterAll(async () => {
      for (const c of contexts) await c.close();
      await browser?.close();
      await hub?.close();
      await mosquitto?.stop();
    });

    it('kiosk ticket reaches both clerks and the board; calls, recall, completion and no-show sync', async () => {
      const kiosk = await openKiosk(await newContext(), hub.httpUrl);
      const clerk1 = await openClerk(await newContext(), hub.httpUrl, 'counter-1');
      const clerk2 = await openClerk(await newContext(), hub.httpUrl, 'counter-2');
      const board = await openBoard(await newContext(), hub.httpUrl);

      const first = await takeTicket(kiosk, 'advice');
      const second = await takeTicket(kiosk, 'advice');
      expect(first).toMatch(/^A\d{3}$/);
      expect(Number(second.slice(1))).toBe(Number(first.slice(1)) + 1);

      await waitForQueueItem(clerk1, first, 1000 + 4000);
      await waitForQueueItem(clerk2, second);
      await board.getByTestId('waiting-advice').filter({ hasText: '2' }).waitFor();

      await clerk1.getByTestId('call-next').click();
      await clerk1.locator(`[data-testid="current-ticket"][data-number="${first}"]`).waitFor();
      await expectNoQueueItem(clerk2, first);
      await board
        .locator(`[data-testid="serving-item"][data-number="${first}"][data-counter="counter-1"]`)
        .waitFor();
      await board.locator(`[data-testid="latest-call"][data-number="${first}"]`).waitFor();

      await clerk2.getByTestId('call-next').click();
      await clerk2.locator(`[data-testid="current-ticket"][data-number="${second}"]`).waitFor();
      await board.locator(`[data-testid="latest-call"][data-number="${second}"]`).waitFor();

      // recall brings the first ticket back to the top of the board
      await clerk1.getByTestId('recall').click();
      await board.locator(`[data-testid="latest-call"][data-number="${first}"]`).waitFor();

      await clerk1.getByTestId('complete').click();
      await clerk2.getByTestId('no-show').click();
      await board
        .locator(`[data-testid="serving-item"][data-number="${first}"]`)
        .waitFor({ state: 'detached' });
      await board
        .locator(`[data-testid="serving-item"][data-number="${second}"]`)
        .waitFor({ state: 'detached' });
      await clerk1.getByTestId('current-ticket').waitFor({ state: 'detached' });

      // the hub's agent holds the same history
      await expect
        .poll(() => hub.eventTypes())
        .toEqual(
          expect.arrayContaining([
            'ticket.issued',
            'ticket.called',
            'ticket.recalled',
            'ticket.completed',
            'ticket.noShow',
          ]),
        );
    });

    it('a ticket taken while the kiosk is offline is kept and reaches the clerk after reconnecting', async () => {
      const kioskContext = await newContext();
      const kiosk = await openKiosk(kioskContext, hub.httpUrl, 'kiosk-2');
      const clerk = await openClerk(await newContext(), hub.httpUrl, 'counter-3');
      await kioskContext.setOffline(true);
      await kiosk.locator('[data-testid="connection"][data-state="offline"]').waitFor();

      const number = await takeTicket(kiosk, 'returns');
      expect(number).toMatch(/^R5\d\d$/);
      await kiosk.locator('[data-testid="connection"][data-pending="1"]').waitFor();
      await new Promise((r) => setTimeout(r, 1500));
      expect(await queueNumbers(clerk)).not.toContain(number);

      await kioskContext.setOffline(false);
      await waitOnline(kiosk);
      await waitForQueueItem(clerk, number, 15_000);
      await kiosk.locator('[data-testid="connection"][data-pending="0"]').waitFor();
    });
  },
);
