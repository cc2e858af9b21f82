import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreConfig } from '../../src/domain/config/types.ts';
import { openCounter } from '../../src/domain/queue/commands.ts';
import { launchChromium } from '../support/browser.ts';
import { holdCatchUp, type HeldCatchUp } from '../support/held-catch-up.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';
import { hubConfig, setWaiting } from '../support/seed.ts';

/**
 * A kiosk that starts in a busy store knows nothing of the line until the hub's catch-up is
 * in. Meanwhile it must not tell a customer a wait or a place (both would be too short): its
 * buttons and the ticket say it is checking, its badge says it is updating, a ticket can still
 * be taken, and the real place and wait show as soon as the catch-up arrives.
 */
describe('a kiosk catching up after its start', () => {
  let browser: Browser;
  let hub: TestHub;
  let config: StoreConfig;
  let context: BrowserContext;
  let catchUp: HeldCatchUp;
  let kiosk: Page;

  beforeAll(async () => {
    hub = await startTestHub({});
    config = await hubConfig(hub);
    await hub.agent().replica.run(() => openCounter('counter-1', ['advice']));
    await setWaiting(hub, config, 'advice', 6);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    catchUp = await holdCatchUp(context);
    kiosk = await context.newPage();
    await kiosk.goto(`${hub.httpUrl}/kiosk?kiosk=kiosk-1`);
  });

  it('the lobby board shows no waiting count (it would be too low) until its catch-up is in', async () => {
    const boardContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const boardCatchUp = await holdCatchUp(boardContext);
    const board = await boardContext.newPage();
    await board.goto(`${hub.httpUrl}/board`);
    await board
      .locator('[data-testid="connection"][data-state="online"][data-freshness="catchingUp"]')
      .waitFor();
    const advice = board.getByTestId('waiting-advice');
    expect(await advice.textContent()).toBe('checking…');
    expect(await advice.getAttribute('data-count')).toBeNull();
    boardCatchUp.release();
    await board.locator('[data-testid="waiting-advice"][data-count="6"]').waitFor();
    await boardContext.close();
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('holds the wait and the place until the catch-up is in, then shows them', async () => {
    // connected, and the agent has said it holds events the kiosk lacks
    const badge = kiosk.locator(
      '[data-testid="connection"][data-state="online"][data-freshness="catchingUp"]',
    );
    await badge.waitFor();
    expect(await badge.textContent()).toContain('updating');
    expect(catchUp.held()).toBeGreaterThan(0);
    const tile = kiosk.getByTestId('service-wait-advice');
    await kiosk.locator('[data-testid="service-wait-advice"][data-kind="checking"]').waitFor();
    expect(await tile.textContent()).toBe('Checking the wait…');
    expect(await kiosk.getByTestId('service-advice').getAttribute('data-wait-sec')).toBeNull();

    // a customer can still take a ticket; it tells no place and no wait yet
    await kiosk.getByTestId('service-advice').click();
    await kiosk.getByTestId('ticket-number').waitFor();
    await kiosk.getByTestId('ticket-checking').waitFor();
    expect(await kiosk.getByTestId('ticket-checking').textContent()).toBe(
      'Checking your place in line…',
    );
    expect(await kiosk.getByTestId('ticket-ahead').count()).toBe(0);
    expect(await kiosk.getByTestId('ticket-wait').count()).toBe(0);

    // the catch-up arrives: the six customers who were there first are ahead
    catchUp.release();
    await kiosk.locator('[data-testid="ticket-ahead"][data-ahead="6"]').waitFor();
    const ticketWait = Number(
      await kiosk.getByTestId('ticket-wait').getAttribute('data-estimate-sec'),
    );
    expect(ticketWait).toBeGreaterThan(0);
    await kiosk
      .locator('[data-testid="connection"][data-state="online"][data-freshness="current"]')
      .waitFor();
    expect(await kiosk.getByTestId('connection').textContent()).not.toContain('updating');
    expect(await kiosk.getByTestId('ticket-checking').count()).toBe(0);

    // and the welcome's button shows the wait for the next customer, with seven ahead now
    await kiosk.getByTestId('ticket-done').click();
    await kiosk.locator('[data-testid="service-advice"][data-wait-sec]').waitFor();
    const next = Number(await kiosk.getByTestId('service-advice').getAttribute('data-wait-sec'));
    expect(next).toBeGreaterThanOrEqual(ticketWait);
  });
});
