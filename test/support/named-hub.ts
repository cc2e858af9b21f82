import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAgent } from '../../src/hub/agent.ts';
import { startHub, type Hub } from '../../src/hub/hub.ts';
import { createMemoryLogger, type MemoryLogger } from '../../src/hub/log.ts';
import { HUB_NAME, launchTrustingChromium, type TrustingBrowser } from './trusted-browser.ts';

/** A hub in store network mode with its agent, and tablets that trust its store authority. */
export interface NamedHub {
  readonly hub: Hub;
  readonly log: MemoryLogger;
  readonly tablets: TrustingBrowser;
  /** `https://<HUB_NAME>:<port>`, as a tablet on the store's Wi-Fi reaches it. */
  readonly origin: string;
  readonly port: string;
  close(): Promise<void>;
}

export async function startNamedHub(): Promise<NamedHub> {
  const log = createMemoryLogger();
  const dataDir = mkdtempSync(join(tmpdir(), 'nextup-named-'));
  const hub = await startHub({
    host: '0.0.0.0',
    hostnames: [HUB_NAME],
    port: 0,
    mqttPort: 0,
    httpPort: 0,
    dataDir,
    log,
    agent: startAgent,
  });
  const port = new URL(hub.httpUrl).port;
  const tablets = await launchTrustingChromium(
    readFileSync(join(dataDir, 'tls', 'ca.crt'), 'utf8'),
  );
  return {
    hub,
    log,
    tablets,
    port,
    origin: `https://${HUB_NAME}:${port}`,
    close: async () => {
      await tablets.close();
      await hub.close();
    },
  };
}
