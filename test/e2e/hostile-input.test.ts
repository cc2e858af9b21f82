import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTicketId } from '../../src/apps/kiosk/ticket-id.ts';
import { issueTicket } from '../../src/domain/queue/commands.ts';
import { raiseManagerAlert } from '../../src/domain/visit/commands.ts';
import { launchChromium } from '../support/browser.ts';
import { startTestHub, testConfigDir, type TestHub } from '../support/hub.ts';
import { hubConfig } from '../support/seed.ts';
import { openBoard, openKiosk } from '../support/surfaces.ts';

/**
 * Names from the config and text from messages, written to break out: markup, an attribute
 * breakout with an onerror handler, a right-to-left override and a very long string. Every
 * screen must show them as text; any script that runs sets window.__pwned.
 */
const MARKUP = '<script>window.__pwned="script"</script>';
const BREAKOUT = '"><img src=x onerror="window.__pwned=\'img\'">';
const RTL = '\u202Eevil.exe\u202C';
const hostile = (label: string) => `${label} ${MARKUP}${BREAKOUT}${RTL}`;
const LONG = `Long ${'W'.repeat(400)}`;

async function expectInert(page: Page, where: string): Promise<void> {
  expect(
    await page.evaluate(() => (window as { __pwned?: string }).__pwned),
    where,
  ).toBeUndefined();
  expect(await page.locator('img[src="x"]').count(), where).toBe(0);
  expect(await page.locator('body script').count(), where).toBe(0);
}

describe('hostile strings in config and messages', () => {
  let hub: TestHub;
  let browser: Browser;
  const dialogs: string[] = [];

  beforeAll(async () => {
    const dir = testConfigDir((c) => {
      const cfg = c as {
        store: { name: Record<string, string> };
        services: { name: Record<string, string> }[];
        counters: { name: Record<string, string> }[];
      };
      cfg.store.name = { ...cfg.store.name, en: hostile('Store') };
      cfg.services[0]!.name = { ...cfg.services[0]!.name, en: hostile('Service') };
      cfg.services[1]!.name = { ...cfg.services[1]!.name, en: LONG };
      cfg.counters[0]!.name = { ...cfg.counters[0]!.name, en: hostile('Counter') };
    });
    hub = await startTestHub({ configDir: dir });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  const page = async (open: (ctx: Awaited<ReturnType<Browser['newContext']>>) => Promise<Page>) => {
    const ctx = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const p = await open(ctx);
    p.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    return p;
  };

  it('the kiosk, board, manager and tracking page show them as text and run nothing', async () => {
    const config = await hubConfig(hub);
    const service = config.services[0]!;

    const kiosk = await page((ctx) => openKiosk(ctx, hub.httpUrl));
    expect(await kiosk.locator('body').innerText()).toContain(MARKUP);
    await expectInert(kiosk, 'kiosk');

    // a ticket for the hostile service, and a manager alert with a hostile reason
    const ticket = newTicketId();
    const issued = await hub
      .agent()
      .replica.run((s) => issueTicket(s, config, config.kiosks[1]!, service.id, ticket));
    expect(issued.ok).toBe(true);
    const alert = await hub.agent().replica.run((s) =>
      raiseManagerAlert(s, `alert-${newTicketId()}`, {
        counter: config.counters[0]!.id,
        reason: hostile('Reason'),
      }),
    );
    expect(alert.ok).toBe(true);

    const board = await page((ctx) => openBoard(ctx, hub.httpUrl));
    await expectInert(board, 'board');

    const manager = await page(async (ctx) => {
      const p = await ctx.newPage();
      const res = await p.goto(`${hub.httpUrl}/manager`);
      expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
      return p;
    });
    await expect
      .poll(() => manager.locator('body').innerText(), { timeout: 15_000 })
      .toContain(hostile('Reason').slice(0, 40));
    await expectInert(manager, 'manager');

    const track = await page(async (ctx) => {
      const p = await ctx.newPage();
      await p.goto(`${hub.httpUrl}/t/${ticket}`);
      return p;
    });
    await expect
      .poll(() => track.locator('body').innerText(), { timeout: 15_000 })
      .toContain(MARKUP);
    await expectInert(track, 'tracking page');
    expect(dialogs).toEqual([]);
  });
});
