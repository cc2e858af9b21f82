import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { staffConfigDir, startTestHub, type TestHub } from '../support/hub.ts';
import { enterPin, waitOnline } from '../support/surfaces.ts';

/** Clerks sign in to a tablet with a short PIN; the store's log says who worked where. */
describe('clerk PIN sign-in', () => {
  let hub: TestHub;
  let browser: Browser;
  beforeAll(async () => {
    hub = await startTestHub({ configDir: staffConfigDir() });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('asks who works, refuses a wrong PIN, records staff.signedIn and staff.signedOut', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${hub.httpUrl}/clerk`);
    await page.getByTestId('staff-signin').waitFor();
    await waitOnline(page).catch(() => undefined);
    await page.getByTestId('staff-anna').click();
    await enterPin(page, '1357');
    await page.getByTestId('staff-problem').waitFor();
    expect(hub.eventTypes()).not.toContain('staff.signedIn');

    await enterPin(page, '2468');
    await page.locator('[data-testid="staff-bar"][data-staff="anna"]').waitFor();
    await page.locator('[data-testid^="counter-choose-"]').first().waitFor();
    await expect.poll(() => hub.eventTypes()).toContain('staff.signedIn');
    const signedIn = hub
      .agent()
      .replica.events()
      .find((e) => e.type === 'staff.signedIn');
    expect(signedIn).toMatchObject({ staff: 'anna' });
    expect(signedIn?.device).toMatch(/^clerk-/);

    await page.getByTestId('staff-signout').click();
    await page.getByTestId('staff-signin').waitFor();
    await expect.poll(() => hub.eventTypes()).toContain('staff.signedOut');
  });
});
