import { chromium, type Browser } from 'playwright-core';

/**
 * Features Playwright turns off (playwright-core's chromiumSwitches), repeated here: Chromium
 * keeps only the last --disable-features it is given, so ours must carry them.
 */
export const PLAYWRIGHT_DISABLED_FEATURES: readonly string[] = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
];

/**
 * Desktop Chromium's address-bar popups, web pages of the browser's own: each new window loads
 * two of them (about 300 scripts, in renderers of their own) while the page it opened starts.
 * A store's tablet runs the app in an app window or kiosk mode with no address bar; here they
 * would take the cores from the page under test.
 */
export const ADDRESS_BAR_POPUPS: readonly string[] = [
  'WebUIOmniboxPopup',
  'WebUIOmniboxFullPopup',
  'WebUIOmniboxAimPopup',
];

/** Flags for Debian's Chromium here: headless, without the background traffic this closed network refuses. */
export const CHROMIUM_ARGS: readonly string[] = [
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...ADDRESS_BAR_POPUPS].join(',')}`,
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Debian's Chromium, headless, with the background traffic this closed network refuses.
 * `withPopups`: Playwright's own --disable-features instead of ours, so desktop Chromium's
 * address-bar popups load with every window (bench/browser-load.ts compares the two).
 */
export function launchChromium(opts: { withPopups?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: opts.withPopups
      ? CHROMIUM_ARGS.filter((a) => !a.startsWith('--disable-features='))
      : [...CHROMIUM_ARGS],
  });
}

/** The pages the browser holds now, its own among them (CDP's targets). */
export async function browserTargets(browser: Browser): Promise<{ type: string; url: string }[]> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: { type: string; url: string }[];
    };
    return targetInfos;
  } finally {
    await cdp.detach();
  }
}

/** One of the address bar's popup pages (a new window makes them). */
export const isAddressBarPopup = (t: { url: string }): boolean => t.url.includes('omnibox');
