import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';
import { openClerk, openKiosk, takeTicket, waitForQueueItem } from '../support/surfaces.ts';

describe('partitioned clerks', () => {
  let browser: Browser;
  let hub: TestHub;
  const contexts: BrowserContext[] = [];
  const newContext = async () => {
    const c = await browser.newContext();
    contexts.push(c);
    return c;
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

  it('both call the same customer: the earlier call wins everywhere and the other clerk is told and offered the next', async () => {
    const kiosk = await openKiosk(await newContext(), hub.httpUrl, 'kiosk-1');
    const ctxA = await newContext();
    const ctxB = await newContext();
    const clerkA = await openClerk(ctxA, hub.httpUrl, 'counter-4', ['pickup']);
    const clerkB = await openClerk(ctxB, hub.httpUrl, 'counter-3', ['pickup']);
    const first = await takeTicket(kiosk, 'pickup');
    const second = await takeTicket(kiosk, 'pickup');
    await waitForQueueItem(clerkA, second);
    await waitForQueueItem(clerkB, second);

    await ctxA.setOffline(true);
    await ctxB.setOffline(true);
    await clerkA.getByTestId('call-next').click();
    await clerkA.locator(`[data-testid="current-ticket"][data-number="${first}"]`).waitFor();
    await new Promise((r) => setTimeout(r, 50)); // A's call is the earlier one
    await clerkB.getByTestId('call-next').click();
    await clerkB.locator(`[data-testid="current-ticket"][data-number="${first}"]`).waitFor();
    await ctxA.setOffline(false);
    await ctxB.setOffline(false);

    const banner = clerkB.locator('[data-testid="conflict"][data-reason="alreadyCalled"]');
    await banner.waitFor({ timeout: 15_000 });
    expect(await banner.textContent()).toContain(first);
    await clerkB.getByTestId('current-ticket').waitFor({ state: 'detached' });
    await clerkA.locator(`[data-testid="current-ticket"][data-number="${first}"]`).waitFor();
    await clerkB.getByTestId('conflict-call-next').click();
    await clerkB.locator(`[data-testid="current-ticket"][data-number="${second}"]`).waitFor();
    await clerkB.getByTestId('conflict').waitFor({ state: 'detached' });
  });
});
