import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startTestHub } from '../test/support/hub.ts';

/**
 * Lighthouse on /kiosk (performance, accessibility, best practices), against the hub serving
 * the built PWA, with Debian's Chromium. Lighthouse 12 dropped its PWA category, so
 * installability is checked directly: Chromium's own verdict (`Page.getInstallabilityErrors`,
 * what decides whether it offers to install) plus the manifest fields and an offline start
 * under the service worker.
 */
export interface LighthouseFigures {
  readonly performance: number;
  readonly accessibility: number;
  readonly bestPractices: number;
  /** Lighthouse's own metrics of the run (ms). */
  readonly metrics: Record<string, number>;
  readonly installabilityErrors: string[];
  readonly manifestProblems: string[];
  readonly worksOffline: boolean;
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

interface Manifest {
  name?: string;
  short_name?: string;
  start_url?: string;
  display?: string;
  icons?: { sizes?: string; purpose?: string; type?: string }[];
}

export function manifestProblems(m: Manifest): string[] {
  const out: string[] = [];
  if (!m.name && !m.short_name) out.push('no name');
  if (!m.start_url) out.push('no start_url');
  if (m.display !== 'standalone' && m.display !== 'fullscreen')
    out.push('display is not standalone');
  const icons = m.icons ?? [];
  const has = (size: string, purpose?: string) =>
    icons.some(
      (i) =>
        (i.sizes ?? '').split(' ').includes(size) &&
        (!purpose || (i.purpose ?? 'any').includes(purpose)),
    );
  if (!has('192x192')) out.push('no 192x192 icon');
  if (!has('512x512')) out.push('no 512x512 icon');
  if (!has('512x512', 'maskable')) out.push('no maskable 512x512 icon');
  return out;
}

async function installability(
  baseUrl: string,
): Promise<Pick<LighthouseFigures, 'installabilityErrors' | 'manifestProblems' | 'worksOffline'>> {
  // a persistent profile: Chromium never offers to install from an incognito context
  const context = await chromium.launchPersistentContext(
    mkdtempSync(join(tmpdir(), 'nextup-lh-profile-')),
    {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: FLAGS.filter((f) => f !== '--headless'),
    },
  );
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/kiosk?kiosk=kiosk-1`);
    await page.getByTestId('service-advice').waitFor();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.getByTestId('service-advice').waitFor();
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    const href = await page.evaluate(
      () => document.querySelector<HTMLLinkElement>('link[rel="manifest"]')?.href ?? '',
    );
    const manifest = href ? ((await (await fetch(href)).json()) as Manifest) : {};
    await context.setOffline(true);
    await page.reload();
    const worksOffline = await page
      .getByTestId('service-advice')
      .waitFor({ timeout: 15_000 })
      .then(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
      .catch(() => false);
    return {
      installabilityErrors: installabilityErrors.map((e) => e.errorId),
      manifestProblems: href ? manifestProblems(manifest) : ['no manifest link'],
      worksOffline,
    };
  } finally {
    await context.close();
  }
}

export async function measureLighthouse(): Promise<LighthouseFigures> {
  const hub = await startTestHub({});
  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: FLAGS,
  });
  try {
    const result = await lighthouse(
      `${hub.httpUrl}/kiosk?kiosk=kiosk-1`,
      { port: chrome.port, output: 'json', logLevel: 'error' },
      {
        extends: 'lighthouse:default',
        settings: {
          onlyCategories: ['performance', 'accessibility', 'best-practices'],
          formFactor: 'mobile',
          throttlingMethod: 'simulate',
        },
      },
    );
    if (!result) throw new Error('Lighthouse returned no result');
    const { categories, audits } = result.lhr;
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    const metric = (id: string) => Math.round(audits[id]?.numericValue ?? NaN);
    const inst = await installability(hub.httpUrl);
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      metrics: {
        firstContentfulPaint: metric('first-contentful-paint'),
        largestContentfulPaint: metric('largest-contentful-paint'),
        totalBlockingTime: metric('total-blocking-time'),
        cumulativeLayoutShiftx1000: Math.round(
          (audits['cumulative-layout-shift']?.numericValue ?? 0) * 1000,
        ),
        speedIndex: metric('speed-index'),
      },
      ...inst,
    };
  } finally {
    chrome.kill();
    await hub.close();
  }
}
