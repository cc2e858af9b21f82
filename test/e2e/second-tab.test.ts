import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';
import { openKiosk, takeTicket } from '../support/surfaces.ts';

/**
 * A second tab of the same store in one browser shares the device's id, IndexedDB and MQTT
 * client id: it is refused with a clear message, and starts once the first tab is gone.
 */
describe('a second tab of the same store', () => {
  let hub: TestHub;
  let browser: Browser;
  beforeAll(async () => {
    hub = await startTestHub({});
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('is refused plainly while the first runs, and nothing the first does fails', async () => {
    const context = await browser.newContext();
    const first = await openKiosk(context, hub.httpUrl);
    const second = await context.newPage();
    await second.goto(`${hub.httpUrl}/clerk`);
    await second.getByTestId('another-tab').waitFor();

    const a = await takeTicket(first, 'advice');
    const b = await takeTicket(first, 'advice');
    expect(Number(b.slice(1))).toBe(Number(a.slice(1)) + 1);
    await first.locator('[data-testid="connection"][data-pending="0"]').waitFor();

    await first.close();
    await second.getByRole('button').first().click();
    await second.locator('[data-testid^="counter-choose-"]').first().waitFor();
  });
});
