import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../test/support/browser.ts';
import { startTestHub } from '../test/support/hub.ts';
import { firstScreenJs, installApp } from './kiosk-budgets.ts';
import { benchConfigDir } from './sim/bench-config.ts';

/**
 * The kiosk's first-screen JavaScript alone (`kiosk-budgets.ts`'s measure, on an empty day):
 * gzipped KB and files on a first visit and on a later start of the installed kiosk, as one
 * JSON line. Seconds, not the kiosk entry's minutes: for the figure of each commit in turn
 * (README, Performance). Needs a build (`npx vite build`).
 */
const dataDir = mkdtempSync(join(tmpdir(), 'nextup-first-screen-'));
const browser = await launchChromium();
const hub = await startTestHub({ configDir: benchConfigDir(), dataDir });
try {
  const url = `${hub.httpUrl}/kiosk?kiosk=kiosk-1`;
  const context = await browser.newContext();
  const firstVisit = (await firstScreenJs(context, url)).firstScreenJs;
  await (await installApp(context, url)).close();
  const laterStart = (await firstScreenJs(context, url)).firstScreenJs;
  await context.close();
  const figure = (g: typeof firstVisit) => ({
    gzipKiB: g.gzipKiB,
    files: Object.keys(g.files).length,
  });
  console.log(JSON.stringify({ firstVisit: figure(firstVisit), laterStart: figure(laterStart) }));
} finally {
  await hub.close();
  await browser.close();
  rmSync(dataDir, { recursive: true, force: true });
}
