import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS } from './browser.ts';

/** The names tablets use for the hub in these tests; Chromium maps them to loopback. */
export const HUB_NAME = 'nextup-hub.test';
export const OTHER_HUB_NAME = 'nextup-moved.test';

export interface TrustingBrowser {
  readonly browser: Browser;
  close(): Promise<void>;
}

/**
 * Debian's Chromium as a store tablet: it reaches the hub by name (not 127.0.0.1, which
 * browsers treat as secure anyway) and trusts the store authority the way a tablet does, in
 * the NSS database of its own HOME. No --ignore-certificate-errors: an untrusted certificate
 * fails here as it would in the store.
 */
export async function launchTrustingChromium(caPem: string | undefined): Promise<TrustingBrowser> {
  const home = mkdtempSync(join(tmpdir(), 'nextup-tablet-'));
  const nssdb = join(home, '.pki', 'nssdb');
  mkdirSync(nssdb, { recursive: true });
  execFileSync('certutil', ['-N', '-d', `sql:${nssdb}`, '--empty-password']);
  if (caPem !== undefined) {
    const file = join(home, 'store-ca.crt');
    writeFileSync(file, caPem);
    execFileSync('certutil', [
      ...['-A', '-d', `sql:${nssdb}`, '-n', 'Nextup store authority', '-t', 'C,,', '-i', file],
    ]);
  }
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    env: { ...process.env, HOME: home },
    args: [
      ...CHROMIUM_ARGS,
      `--host-resolver-rules=MAP ${HUB_NAME} 127.0.0.1, MAP ${OTHER_HUB_NAME} 127.0.0.1`,
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
