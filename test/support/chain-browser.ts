// The area manager's /chain in Chromium: the stores with their link state and waits, filtered
// by region, then one store's detail; the page is bound by what it shows, never by a delay.
import { expect } from 'vitest';
import type { ChainStoreInfo } from '../../src/domain/chain/chain-board.ts';
import { launchChromium } from './browser.ts';

export async function chainBrowserChecks(
  url: string,
  stores: readonly ChainStoreInfo[],
  expected: { disconnected: string; waitingText: RegExp },
): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ locale: 'en-GB' });
    await page.goto(`${url}/chain?lang=en`);
    const rows = page.getByTestId('chain-store');
    await expect.poll(() => rows.count()).toBe(stores.length);
    await expect
      .poll(() => page.getByTestId('chain-connection').getAttribute('data-state'))
      .toBe('live');
    for (const s of stores) {
      const row = page.locator(`[data-testid="chain-store"][data-store="${s.id}"]`);
      await expect.poll(() => row.textContent()).toContain(s.name);
      const want = s.id === expected.disconnected ? 'disconnected' : 'connected';
      await expect.poll(() => row.getByTestId('chain-link').getAttribute('data-link')).toBe(want);
      await expect
        .poll(() => row.getByTestId('chain-wait').first().textContent())
        .toMatch(expected.waitingText);
    }
    // one region only
    const region = stores[stores.length - 1]!.region;
    await page.getByTestId('chain-region').selectOption(region);
    await expect.poll(() => rows.count()).toBe(stores.filter((s) => s.region === region).length);
    // one tap to a store's detail, and back
    const first = stores.find((s) => s.region === region)!;
    await page.getByRole('button', { name: `Open ${first.name}` }).click();
    await expect.poll(() => page.getByTestId('chain-detail-name').textContent()).toBe(first.name);
    await expect
      .poll(() => page.getByTestId('chain-today').locator('tbody tr').count())
      .toBeGreaterThan(0);
    expect(page.url()).toContain(`/chain/${first.id}`);
    await page.goBack();
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
  } finally {
    await browser.close();
  }
}
