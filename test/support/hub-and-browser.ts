import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.ts';
import { startTestHub, type TestHub } from './hub.ts';

/**
 * A test hub (the test store, an embedded broker) and Chromium for the enclosing `describe`:
 * started before its tests, closed after them. Read them inside the tests.
 */
export function hubAndBrowser(): { readonly hub: TestHub; readonly browser: Browser } {
  let hub: TestHub | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    hub = await startTestHub({});
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });
  const started = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error('the hub and browser start before the tests');
    return x;
  };
  return {
    get hub() {
      return started(hub);
    },
    get browser() {
      return started(browser);
    },
  };
}
