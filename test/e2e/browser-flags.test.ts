import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PLAYWRIGHT_DISABLED_FEATURES,
  browserTargets,
  isAddressBarPopup,
  launchChromium,
} from '../support/browser.ts';

/** The features Playwright's own --disable-features names, read from the installed package. */
function playwrightsDisabledFeatures(): string[] {
  const require = createRequire(import.meta.url);
  const lib = join(dirname(require.resolve('playwright-core/package.json')), 'lib');
  const bundle = readFileSync(join(lib, 'coreBundle.js'), 'utf8');
  const list = /disabledFeatures = \[([\s\S]*?)\]\.filter/.exec(bundle)?.[1];
  if (list === undefined) throw new Error("playwright-core's disabled features were not found");
  return [...list.replace(/\/\/.*$/gm, '').matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
}

describe('the Chromium the tests and benchmarks drive', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it("keeps every feature Playwright turns off (ours replaces Playwright's flag)", () => {
    const theirs = playwrightsDisabledFeatures().filter((f) => !f.startsWith('ms'));
    expect(theirs.length).toBeGreaterThan(5);
    expect(theirs.filter((f) => !PLAYWRIGHT_DISABLED_FEATURES.includes(f))).toEqual([]);
  });

  it("opens a page without the address bar's popups loading beside it", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto('about:blank');
      // the popups are made with the window: the page's own load comes after them
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
      const targets = await browserTargets(browser);
      expect(targets.filter(isAddressBarPopup)).toEqual([]);
      expect(targets.some((t) => t.type === 'page')).toBe(true);
    } finally {
      await context.close();
    }
  });
});
