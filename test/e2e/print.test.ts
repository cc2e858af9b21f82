import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { startTestHub, testConfigDir, type TestHub } from '../support/hub.ts';
import { MM_TO_PT, pdfPageSizes } from '../support/pdf.ts';
import { waitOnline } from '../support/surfaces.ts';

/** Counts window.print() calls instead of opening the print dialog. */
async function kioskWithPrintSpy(browser: Browser, hub: TestHub): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  await context.addInitScript(() => {
    const w = window as unknown as { __printed: number };
    w.__printed = 0;
    window.print = () => {
      w.__printed++;
    };
  });
  const page = await context.newPage();
  await page.goto(`${hub.httpUrl}/kiosk?kiosk=kiosk-1`);
  await page.getByTestId('service-advice').waitFor();
  await waitOnline(page);
  return page;
}

const printed = (page: Page) =>
  page.evaluate(() => (window as unknown as { __printed: number }).__printed);

describe('the printed ticket', () => {
  let browser: Browser;
  let hub: TestHub;
  let auto: TestHub;

  beforeAll(async () => {
    hub = await startTestHub({});
    auto = await startTestHub({
      configDir: testConfigDir((c) => {
        (c.kiosk as Record<string, unknown>).printing = 'auto';
      }),
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.close();
    await auto?.close();
  });

  it('prints an 80 mm receipt, exactly as long as its content, with the number and QR code', async () => {
    const page = await kioskWithPrintSpy(browser, hub);
    await page.getByTestId('service-returns').click();
    const number = (await page.getByTestId('ticket-number').textContent()) ?? '';
    await page.getByTestId('ticket-print').click();
    await expect.poll(() => printed(page)).toBe(1);

    const receipt = page.getByTestId('receipt');
    expect(await receipt.locator('.receipt__number').textContent()).toBe(number);
    expect(await receipt.locator('svg[data-value]').getAttribute('data-value')).toMatch(
      /\/t\/[a-z2-7]{26}\?lang=en&at=\d{10}$/,
    );
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() => ({
      root: getComputedStyle(document.getElementById('root')!).display,
      receipt: getComputedStyle(document.querySelector('.receipt')!).visibility,
    }));
    expect(shown).toEqual({ root: 'none', receipt: 'visible' });
    await page.emulateMedia({ media: null });

    const heightMm = Number(await receipt.getAttribute('data-height-mm'));
    expect(heightMm).toBeGreaterThan(80);
    expect(heightMm).toBeLessThan(200);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = pdfPageSizes(pdf);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.width).toBeCloseTo(80 * MM_TO_PT, 0); // 226.77 pt
    expect(pages[0]!.height).toBeCloseTo(heightMm * MM_TO_PT, 0);
    await page.context().close();
  });

  it('prints every ticket by itself when the store says so (for --kiosk-printing)', async () => {
    const page = await kioskWithPrintSpy(browser, auto);
    await page.getByTestId('service-advice').click();
    await page.getByTestId('ticket-number').waitFor();
    await expect.poll(() => printed(page)).toBe(1);
    await page.waitForTimeout(300);
    expect(await printed(page)).toBe(1);
    await page.context().close();
  });
});
