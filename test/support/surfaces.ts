import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';

/** Drives the surfaces the way a person would, through the test ids the screens expose. */
export async function openKiosk(
  context: BrowserContext,
  baseUrl: string,
  kioskId = 'kiosk-1',
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/kiosk?kiosk=${kioskId}`);
  await page.getByTestId('service-advice').waitFor();
  await waitOnline(page);
  return page;
}

export async function takeTicket(page: Page, service = 'advice'): Promise<string> {
  await page.getByTestId(`service-${service}`).click();
  const number = page.getByTestId('ticket-number');
  await number.waitFor();
  const text = (await number.textContent())?.trim() ?? '';
  await page.getByTestId('ticket-done').click();
  await page.getByTestId(`service-${service}`).waitFor();
  return text;
}

export async function openClerk(
  context: BrowserContext,
  baseUrl: string,
  counter: string,
  services?: readonly string[],
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/clerk`);
  await page.getByTestId(`counter-choose-${counter}`).click();
  if (services) {
    const toggles = page.locator('[data-testid^="service-toggle-"]');
    for (const el of await toggles.all()) {
      const id = ((await el.getAttribute('data-testid')) ?? '').replace('service-toggle-', '');
      const want = services.includes(id);
      if ((await el.isChecked()) !== want) await el.click();
    }
  }
  await page.getByTestId('counter-open').click();
  await page.getByTestId('call-next').waitFor();
  await waitOnline(page);
  return page;
}

export async function openBoard(context: BrowserContext, baseUrl: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/board`);
  await waitOnline(page);
  return page;
}

/** Connected, and caught up with the hub (its waits are shown again). */
export async function waitOnline(page: Page, timeout = 15_000): Promise<void> {
  await page
    .locator('[data-testid="connection"][data-state="online"][data-freshness="current"]')
    .waitFor({ timeout });
}

export async function queueNumbers(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="queue-item"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-number') ?? ''));
}

export async function waitForQueueItem(
  page: Page,
  number: string,
  timeout = 10_000,
): Promise<void> {
  await page.locator(`[data-testid="queue-item"][data-number="${number}"]`).waitFor({ timeout });
}

export async function expectNoQueueItem(
  page: Page,
  number: string,
  timeout = 10_000,
): Promise<void> {
  await page
    .locator(`[data-testid="queue-item"][data-number="${number}"]`)
    .waitFor({ state: 'detached', timeout });
  expect(await queueNumbers(page)).not.toContain(number);
}

/**
 * The manager makes a pairing code for `role` and returns it once it is on screen: the code
 * shown before (already used by the last tablet) must not be read while the new one is on
 * its way from the hub.
 */
export async function newPairingCode(manager: Page, role: string): Promise<string> {
  const shown = manager.getByTestId('devices-code');
  const before = (await shown.count()) > 0 ? await shown.getAttribute('data-code') : null;
  await manager.getByTestId('devices-role').selectOption(role);
  await manager.getByTestId('devices-add').click();
  const fresh = manager.locator(
    before === null
      ? '[data-testid="devices-code"]'
      : `[data-testid="devices-code"]:not([data-code="${before}"])`,
  );
  await fresh.waitFor();
  return (await fresh.getAttribute('data-code'))!;
}

/** Types a PIN on the clerk's sign-in keypad, one digit key at a time, and signs in. */
export async function enterPin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByTestId(`pin-key-${digit}`).click();
  await page.locator(`[data-testid="staff-pin"][data-length="${pin.length}"]`).waitFor();
  await page.getByTestId('staff-signin-submit').click();
}
