import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import {
  WELCOME_STILL_MODULE,
  type WelcomeStillModule,
} from '../../src/domain/kiosk/first-paint.ts';
import { testStore } from '../../src/domain/testing/store.ts';
import { hubAndBrowser } from '../support/hub-and-browser.ts';

/**
 * A kiosk's first visit, with nothing saved: the hub puts the store's welcome into the page
 * (src/domain/kiosk/first-paint.ts), so it shows as soon as the page's styles are in, before
 * any script; the live welcome then takes its place, each thing where the still had it.
 */
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 412, height: 823 },
];

interface Boxes {
  readonly title: string;
  readonly boxes: { x: number; y: number; width: number; height: number }[];
}

/** Where the greeting and each service button are. */
function layout(root: Locator): Promise<Boxes> {
  return root.evaluate((main) => ({
    title: main.querySelector('h1')?.textContent ?? '',
    boxes: [...main.querySelectorAll('h1, .kiosk-service, .kiosk-welcome__footer')].map((e) => {
      const { x, y, width, height } = e.getBoundingClientRect();
      return { x, y, width, height };
    }),
  }));
}

describe("a kiosk's first visit", () => {
  const env = hubAndBrowser();

  it.each(VIEWPORTS)(
    'shows the store’s welcome before any script has run, where the live one comes (%o)',
    async (VIEWPORT) => {
      const url = `${env.hub.httpUrl}/kiosk?kiosk=kiosk-1`;
      const noScripts = await env.browser.newContext({
        javaScriptEnabled: false,
        serviceWorkers: 'block',
        viewport: VIEWPORT,
      });
      const live = await env.browser.newContext({ serviceWorkers: 'block', viewport: VIEWPORT });
      try {
        const page = await noScripts.newPage();
        await page.goto(url);
        const still = page.locator('#first-paint main');
        await still.waitFor();
        const painted = await layout(still);
        expect(painted.title).toMatch(/^Welcome to /);
        // the greeting, the test store's services, the footer
        expect(painted.boxes.length).toBeGreaterThanOrEqual(3);
        expect(await page.locator('html').getAttribute('lang')).toBe('en');

        const app = await live.newPage();
        await app.addInitScript(() => {
          document.addEventListener('DOMContentLoaded', () => {
            (window as unknown as { __served: boolean }).__served =
              document.getElementById('first-paint') !== null;
          });
        });
        await app.goto(url);
        await app.getByTestId('service-advice').waitFor();
        await app.locator('#first-paint').waitFor({ state: 'detached' });
        expect(
          await app.evaluate(() => (window as unknown as { __served: boolean }).__served),
        ).toBe(true);
        const shown = await layout(app.getByTestId('kiosk-welcome'));
        expect(shown.title).toBe(painted.title);
        expect(shown.boxes).toHaveLength(painted.boxes.length);
        shown.boxes.forEach((box, i) => {
          const before = painted.boxes[i]!;
          for (const k of ['x', 'y', 'width', 'height'] as const) {
            expect(Math.abs(box[k] - before[k]), `${k} of element ${i}`).toBeLessThanOrEqual(1);
          }
        });
      } finally {
        await noScripts.close();
        await live.close();
      }
    },
  );

  it('is the plain page for a kiosk the store lacks and for the other screens', async () => {
    for (const path of ['/kiosk?kiosk=nope', '/kiosk', '/board', '/clerk?kiosk=kiosk-1']) {
      const page = await (await fetch(`${env.hub.httpUrl}${path}`)).text();
      expect(page, path).not.toContain('id="first-paint"');
    }
  });

  it('has a renderer in the build that needs nothing beside it (the built app may be put anywhere)', async () => {
    const away = mkdtempSync(join(tmpdir(), 'nextup-still-'));
    try {
      cpSync(join('dist', '.server'), join(away, '.server'), { recursive: true });
      const file = pathToFileURL(join(away, WELCOME_STILL_MODULE)).href;
      const renderer = (await import(file)) as WelcomeStillModule;
      const paint = await renderer.renderWelcomeStill(testStore, 'kiosk-1', Date.now());
      expect(paint?.html).toContain('Welcome to Test');
    } finally {
      rmSync(away, { recursive: true, force: true });
    }
  });
});
