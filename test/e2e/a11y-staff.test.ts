import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { runAxe } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';
import { waitOnline } from '../support/surfaces.ts';

/** axe (WCAG 2.2 A/AA) on the staff surfaces, in the states the other browser tests reach. */
describe('accessible staff surfaces', () => {
  let browser: Browser;
  let hub: TestHub;
  const contexts: BrowserContext[] = [];
  const page = async (width = 1024, height = 768) => {
    // axe is injected as an inline script, which the hub's CSP rightly refuses
    const c = await browser.newContext({ viewport: { width, height }, bypassCSP: true });
    contexts.push(c);
    return c.newPage();
  };

  beforeAll(async () => {
    hub = await startTestHub({});
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await hub?.close();
  });

  it('clerk: setup, work screen, a visit step, escalation; manager with an open alert; floor view', async () => {
    const clerk = await page(412, 915);
    await clerk.goto(`${hub.httpUrl}/clerk`);
    await clerk.getByTestId('counter-choose-counter-2').waitFor();
    expect(await runAxe(clerk, 'clerk: counter setup')).toEqual([]);
    await clerk.getByTestId('counter-choose-counter-2').click();
    await clerk.getByTestId('counter-open').waitFor();
    expect(await runAxe(clerk, 'clerk: services')).toEqual([]);
    await clerk.getByTestId('counter-open').click();
    await clerk.getByTestId('call-next').waitFor();
    await waitOnline(clerk);
    expect(await runAxe(clerk, 'clerk: work screen')).toEqual([]);

    await clerk.getByTestId('visit-walk-in').click();
    await clerk.locator('[data-testid="visit"][data-step="greeting"]').waitFor();
    expect(await runAxe(clerk, 'clerk: visit greeting')).toEqual([]);
    await clerk.getByTestId('visit-action-ESCALATE').click();
    await clerk.getByTestId('escalate-reason').fill('Needs a refund approved');
    expect(await runAxe(clerk, 'clerk: asking for a manager')).toEqual([]);
    await clerk.getByTestId('escalate-send').click();
    await clerk.locator('[data-testid="visit"][data-step="escalated"]').waitFor();

    const manager = await page(1280, 800);
    await manager.goto(`${hub.httpUrl}/manager`);
    await waitOnline(manager);
    await manager.locator('[data-testid="manager-alert"][data-status="open"]').waitFor();
    expect(await runAxe(manager, 'manager: open alert')).toEqual([]);

    const floor = await page(412, 915);
    await floor.goto(`${hub.httpUrl}/floor`);
    await waitOnline(floor);
    await floor.getByTestId('floor-wait-advice').waitFor();
    expect(await runAxe(floor, 'floor view')).toEqual([]);
  });
});
