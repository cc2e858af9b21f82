/**
 * An installed app in a test: the service worker ready and in control of the page, and where
 * the page's files came from once it is (the worker's cache, the network or the HTTP cache).
 */
import type { Locator, Page } from 'playwright-core';

/** Waits for the worker, then reloads (the first load is not controlled by it; a reload is). */
export async function controlledByWorker(page: Page, ready: Locator): Promise<boolean> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await ready.waitFor();
  return page.evaluate(() => navigator.serviceWorker.controller !== null);
}

/**
 * How each loaded file whose path starts with `prefix` was served, as Chromium reports it:
 * 'cache' when the worker's cache answered, another source when the worker went to the network,
 * 'none' when no worker answered (the network or the browser's HTTP cache did).
 */
export function workerSources(page: Page, prefix: string): Promise<string[]> {
  return page.evaluate((start) => {
    type Timing = PerformanceResourceTiming & { workerFinalSourceType?: string };
    return performance
      .getEntriesByType('resource')
      .filter((e) => new URL(e.name).pathname.startsWith(start))
      .map((e) => (e as Timing).workerFinalSourceType ?? 'none');
  }, prefix);
}
