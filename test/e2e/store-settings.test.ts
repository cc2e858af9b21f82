import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { startTestHub, testConfigDir, type TestHub } from '../support/hub.ts';
import { openBoard, openKiosk, waitOnline } from '../support/surfaces.ts';

/**
 * Store settings without JSON: the manager renames a service and sets the board's
 * announcement on the Settings view; the kiosk and the board, already open, show both without
 * a reload (the agent's retained config version tells them to fetch the new config).
 */
describe('store settings from the manager screen', () => {
  let browser: Browser;
  let hub: TestHub;
  let configDir: string;
  const contexts: BrowserContext[] = [];
  /** A 1x1 PNG, the smallest logo. */
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  /** `bypassCSP` for axe, injected as an inline script; the kiosk and board keep the CSP. */
  const newContext = async (bypassCSP = false) => {
    const c = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP });
    contexts.push(c);
    return c;
  };

  beforeAll(async () => {
    // a copy: the settings write their config folder, never the shipped one
    configDir = testConfigDir(() => undefined);
    hub = await startTestHub({ configDir });
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await hub?.close();
  });

  it('a renamed service and the board announcement reach the open kiosk and board', async () => {
    const kiosk = await openKiosk(await newContext(), hub.httpUrl);
    const board = await openBoard(await newContext(), hub.httpUrl);
    // a mark on each page: still there afterwards means the page was never reloaded
    for (const page of [kiosk, board])
      await page.evaluate(() => (document.body.dataset.mark = 'kept'));
    await expect
      .poll(() => kiosk.getByTestId('service-returns').textContent())
      .toContain('Returns and exchanges');
    expect(await board.getByTestId('board-notice').count()).toBe(0);

    const manager = await (await newContext()).newPage();
    await manager.goto(`${hub.httpUrl}/manager#settings`);
    await waitOnline(manager);
    await manager.getByTestId('settings-service-returns-name-en').fill('Returns desk');
    await manager.getByTestId('settings-board-announcement-en').fill('Closing at 18:00 today');
    await manager
      .getByTestId('settings-board-logo')
      .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
    await manager.locator('.settings__logo img').waitFor(); // read by the page, in the form
    // a light board: its tiles follow (src/domain/config/settings.ts, boardPalette)
    await manager.getByTestId('settings-board-background').fill('#ffffff');
    await manager.getByTestId('settings-board-text').fill('#111111');
    await manager.getByTestId('settings-board-accent').fill('#b00020');
    await manager.getByTestId('settings-save').click();
    await expect
      .poll(() => manager.getByTestId('settings-status').getAttribute('data-state'))
      .toBe('saved');

    await expect
      .poll(() => kiosk.getByTestId('service-returns').textContent())
      .toContain('Returns desk');
    await expect
      .poll(() => board.getByTestId('board-notice').textContent())
      .toBe('Closing at 18:00 today');
    const colours = await board.locator('main.board').evaluate((el) => {
      const style = getComputedStyle(el);
      return [style.backgroundColor, style.color, style.getPropertyValue('--board-panel')];
    });
    expect(colours).toEqual(['rgb(255, 255, 255)', 'rgb(17, 17, 17)', '#ececec']);
    // the logo travels in the config and loads under the board's security policy
    const logo = board.getByTestId('board-logo');
    await expect
      .poll(() => logo.getAttribute('src'))
      .toBe(`data:image/png;base64,${PNG.toString('base64')}`);
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    for (const page of [kiosk, board]) {
      expect(await page.evaluate(() => document.body.dataset.mark)).toBe('kept');
    }
    const written = JSON.parse(readFileSync(join(configDir, 'store.json'), 'utf8')) as {
      services: { id: string; name: Record<string, string> }[];
      board?: { announcement?: Record<string, string> };
    };
    expect(written.services.find((s) => s.id === 'returns')?.name.en).toBe('Returns desk');
    expect(written.board?.announcement?.en).toBe('Closing at 18:00 today');
    expect(
      hub.logLines.filter((l) => /settings changed by manager-.*: services, board$/.test(l)),
    ).toHaveLength(1);
  });

  it('a wrong field is named on the screen and nothing is sent', async () => {
    const manager = await (await newContext(true)).newPage();
    await manager.goto(`${hub.httpUrl}/manager#settings`);
    await waitOnline(manager);
    const before = readFileSync(join(configDir, 'store.json'), 'utf8');
    await manager.getByTestId('settings-kiosk-pin').fill('12');
    await manager.getByTestId('settings-save').click();
    await expect
      .poll(() => manager.getByTestId('settings-status').getAttribute('data-state'))
      .toBe('fix');
    const problem = manager.locator('[data-testid="settings-problem"][data-path="kioskPin"]');
    expect(await problem.textContent()).toBe('Use 4 to 8 digits.');
    expect(await runAxe(manager, 'manager: settings with a problem')).toEqual([]);

    // a rule only the hub checks (the whole file: a ticket letter used twice) comes back at
    // the field, in the hub's words
    await manager.getByTestId('settings-kiosk-pin').fill('');
    await manager.getByTestId('settings-service-returns-prefix').fill('A');
    await manager.getByTestId('settings-save').click();
    await expect
      .poll(() => manager.getByTestId('settings-status').getAttribute('data-state'))
      .toBe('refused');
    const taken = manager.locator(
      '[data-testid="settings-problem"][data-path="services[1].prefix"]',
    );
    expect(await taken.textContent()).toBe('"A" is already used by services[0]');
    expect(readFileSync(join(configDir, 'store.json'), 'utf8')).toBe(before);
  });
});
