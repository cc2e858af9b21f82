/**
 * Screenshots of the customer-facing screens for a person to look at (not a test):
 *   npm run build && node --import tsx test/support/customer-shots.ts
 * writes .tmp/shots-customer/*.png (and the receipt as PDF, and PNG when pdftoppm exists).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { startTestHub, testConfigDir, type TestHub } from './hub.ts';
import { callTicket, seedTicket, setWaiting } from './seed.ts';
import { waitOnline } from './surfaces.ts';

const OUT = '.tmp/shots-customer';
const LANGUAGES = ['en', 'pl', 'hu', 'ru', 'hi', 'ar'] as const;

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((a) => (a.finish(), a.finished.catch(() => null)))),
  );
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  console.log(`${OUT}/${name}.png`);
}

async function kiosk(browser: Browser, hub: TestHub): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${hub.httpUrl}/kiosk?kiosk=kiosk-1`);
  await page.getByTestId('service-advice').waitFor();
  await waitOnline(page);
  return page;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  // a higher rate limit than the shipped one, so one kiosk can take a ticket in each language
  const hub = await startTestHub({
    configDir: testConfigDir((c) => {
      (c.kiosk as Record<string, unknown>).rateLimit = { maxTickets: 8, windowSec: 60 };
    }),
  });
  const config = (await (await fetch(`${hub.httpUrl}/api/config`)).json()) as {
    config: Parameters<typeof seedTicket>[1];
  };
  const cfg = config.config;
  const browser = await launchChromium();
  try {
    const page = await kiosk(browser, hub);
    const counts: Record<string, number> = { en: 1, pl: 5, hu: 3, ru: 3, hi: 1, ar: 2 };
    for (const lang of LANGUAGES) {
      await setWaiting(hub, cfg, 'advice', counts[lang] ?? 0);
      await page.getByTestId(`language-${lang}`).click();
      await shot(page, `kiosk-welcome-${lang}`);
      await page.getByTestId('service-advice').click();
      await page.getByTestId('ticket-number').waitFor();
      await page.waitForTimeout(800);
      await shot(page, `kiosk-ticket-${lang}`);
      if (lang === 'en') {
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
        writeFileSync(join(OUT, 'receipt-en.pdf'), pdf);
      }
      if (lang === 'ar') {
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
        writeFileSync(join(OUT, 'receipt-ar.pdf'), pdf);
      }
      await page.getByTestId('ticket-done').click();
      await page.getByTestId('service-advice').waitFor();
    }
    await page.getByTestId('display-contrast').click();
    await shot(page, 'kiosk-contrast');
    await page.getByTestId('display-large').click();
    await shot(page, 'kiosk-contrast-large');
    await page.getByTestId('display-contrast').click();
    await shot(page, 'kiosk-large');
    await page.getByTestId('display-large').click();

    const priorityTicket = page.getByTestId('service-priority-returns');
    await priorityTicket.click();
    await page.getByTestId('ticket-number').waitFor();
    await page.waitForTimeout(800);
    await shot(page, 'kiosk-ticket-priority');
    const trackUrl = (await page.getByTestId('ticket-qr').getAttribute('data-value')) ?? '';
    await page.getByTestId('ticket-done').click();

    // rate limit message
    for (let i = 0; i < 10; i++) {
      const err = page.getByTestId('kiosk-error');
      if (await err.isVisible()) break;
      await page.getByTestId('service-pickup').click();
      const done = page.getByTestId('ticket-done');
      if (await done.isVisible().catch(() => false)) {
        await page.waitForTimeout(800);
        await done.click();
      }
      await page.waitForTimeout(200);
    }
    await shot(page, 'kiosk-rate-limited');

    // hidden gesture + PIN
    for (let i = 0; i < 5; i++) await page.mouse.click(10, 10);
    await page.getByTestId('pin-dialog').waitFor();
    await page.getByTestId('pin-key-1').click();
    await page.getByTestId('pin-key-2').click();
    await shot(page, 'kiosk-pin');
    for (const d of '2468') await page.keyboard.press(d);
    await page.getByTestId('pin-key-0').click();
    await page.getByTestId('pin-unlock').click();
    await page.getByTestId('pin-message').filter({ hasText: /./ }).waitFor();
    await shot(page, 'kiosk-pin-wrong');
    for (const d of '2468') await page.getByTestId(`pin-key-${d}`).click();
    await page.getByTestId('pin-unlock').click();
    await page.getByTestId('kiosk-settings').waitFor();
    await shot(page, 'kiosk-settings');

    // the customer's phone
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const track = await phone.newPage();
    const ticketId = new URL(trackUrl).pathname.split('/').pop() ?? '';
    await track.goto(`${hub.httpUrl}/t/${ticketId}?lang=en`);
    await track.getByTestId('track-status').waitFor();
    await shot(track, 'track-waiting');
    const waiting = [...hub.agent().replica.state.tickets.values()].filter(
      (t) => t.status === 'waiting' && t.service === 'returns' && t.id !== ticketId,
    );
    for (const t of waiting) await callTicket(hub, t.id, 'counter-2');
    await track.locator('[data-testid="track-status"][data-ahead="0"]').waitFor();
    await shot(track, 'track-next');
    await callTicket(hub, ticketId, 'counter-3');
    await track.getByTestId('track-called').waitFor();
    await shot(track, 'track-called');
    const other = await seedTicket(hub, cfg, 'advice');
    await track.goto(`${hub.httpUrl}/t/${other.id}?lang=ar`);
    await track.getByTestId('track-status').waitFor();
    await shot(track, 'track-waiting-ar');
    await track.getByTestId('track-leave').click();
    await shot(track, 'track-leave-confirm-ar');
    await track.getByTestId('track-leave-yes').click();
    await track.locator('[data-testid="track-status"][data-status="cancelled"]').waitFor();
    await shot(track, 'track-cancelled-ar');
    await track.goto(`${hub.httpUrl}/t/not-a-ticket`);
    await track.getByTestId('track-message').waitFor();
    await shot(track, 'track-invalid');

    // the lobby display
    const tv = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    for (const lang of ['en', 'ar', 'hi'] as const) {
      const board = await tv.newPage();
      await board.goto(`${hub.httpUrl}/board?lang=${lang}`);
      await waitOnline(board);
      await board.getByTestId('latest-call').waitFor();
      await shot(board, `board-${lang}`);
      await board.close();
    }

    for (const name of ['receipt-en', 'receipt-ar']) {
      try {
        execFileSync('pdftoppm', ['-png', '-r', '150', join(OUT, `${name}.pdf`), join(OUT, name)]);
        console.log(`${OUT}/${name}-1.png`);
      } catch {
        console.log('pdftoppm not found: the receipt is only in PDF');
      }
    }
  } finally {
    await browser.close();
    await hub.close();
  }
}

await main();
