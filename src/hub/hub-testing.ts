/** Helpers for the hub's own tests: a quiet hub on free ports with a stand-in agent. */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AgentFactory, AgentOptions, Hub, HubOptions } from './hub.ts';
import { startHub } from './hub.ts';
import { createMemoryLogger, type MemoryLogger } from './log.ts';

export interface TempDir {
  readonly path: string;
  remove(): void;
}

export function tempDir(prefix: string): TempDir {
  const dir = mkdtempSync(path.join(tmpdir(), `nextup-${prefix}-`));
  return { path: dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Records how the hub started it and whether it was stopped. */
export interface FakeAgent {
  readonly factory: AgentFactory;
  readonly started: AgentOptions[];
  closed: number;
}

export function fakeAgent(onClose?: () => Promise<void>): FakeAgent {
  const fake: FakeAgent = {
    started: [],
    closed: 0,
    factory: (opts) => {
      fake.started.push(opts);
      return Promise.resolve({
        close: async () => {
          await onClose?.();
          fake.closed++;
        },
      });
    },
  };
  return fake;
}

export interface QuietHub {
  readonly hub: Hub;
  readonly log: MemoryLogger;
  readonly agent: FakeAgent;
  readonly data: TempDir;
  close(): Promise<void>;
}

/** A hub on port 0 with a memory logger, a fake agent and a throwaway data directory. */
export async function startQuietHub(opts: HubOptions = {}, agent = fakeAgent()): Promise<QuietHub> {
  const log = createMemoryLogger();
  const data = tempDir('data');
  const hub = await startHub({
    port: 0,
    mqttPort: 0,
    httpPort: 0,
    dataDir: data.path,
    log,
    agent: agent.factory,
    ...opts,
  });
  return {
    hub,
    log,
    agent,
    data,
    close: async () => {
      await hub.close();
      data.remove();
    },
  };
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** GET with the path sent exactly as given (fetch would normalise "../" away). */
export function rawGet(baseUrl: string, rawPath: string, method = 'GET'): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
