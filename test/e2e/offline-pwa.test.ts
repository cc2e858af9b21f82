import { describe, expect, it } from 'vitest';
import { takeTicket } from '../support/surfaces.ts';
import { hubAndBrowser } from '../support/hub-and-browser.ts';
import { controlledByWorker, workerSources } from '../support/worker-cache.ts';

describe('installable PWA', () => {
  const env = hubAndBrowser();

  it('serves a web manifest with installable icons', async () => {
    const html = await (await fetch(`${env.hub.httpUrl}/kiosk`)).text();
    const href = /<link[^>]+rel="manifest"[^>]+href="([^"]+)"/.exec(html)?.[1];
    expect(href).toBeTruthy();
    const manifest = (await (await fetch(new URL(href!, env.hub.httpUrl))).json()) as {
      name: string;
      display: string;
      start_url: string;
      icons: { sizes: string; type: string }[];
    };
    expect(manifest.display).toBe('standalone');
    expect(manifest.icons.map((i) => i.sizes)).toEqual(
      expect.arrayContaining(['192x192', '512x512']),
    );
    for (const icon of manifest.icons) expect(icon.type).toBe('image/png');
  });

  it('reloads offline from the service worker and keeps the data of earlier tickets', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.hub.httpUrl}/kiosk?kiosk=kiosk-1`);
    await page.getByTestId('service-advice').waitFor();
    expect(await controlledByWorker(page, page.getByTestId('service-advice'))).toBe(true);

    const first = await takeTicket(page, 'advice');
    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('service-advice').waitFor();
    await page.locator('[data-testid="connection"][data-state="offline"]').waitFor();
    // the app's files came from the cache by the worker's static routes (public/routes-sw.js),
    // without its fetch handler
    const sources = await workerSources(page, '/assets/');
    expect(sources.length).toBeGreaterThan(5);
    expect(new Set(sources)).toEqual(new Set(['cache']));
    const second = await takeTicket(page, 'advice');
    expect(Number(second.slice(1))).toBe(Number(first.slice(1)) + 1);
    await context.close();
  });
});
