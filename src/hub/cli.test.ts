import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCli, UsageError } from './cli-args.ts';
import { DEFAULT_CONFIG_DIR } from './config-loader.ts';
import { tempDir } from './hub-testing.ts';
import { REPO_ROOT } from './paths.ts';

const BIN = path.join(REPO_ROOT, 'src/hub/bin.mjs');

function usageError(argv: string[], env = {}): string {
  try {
    parseCli(argv, env);
  } catch (err) {
    if (err instanceof UsageError) return err.message;
    throw err;
  }
  throw new Error('no usage error');
}

describe('parseCli', () => {
  it('reads serve flags in both spellings', () => {
    expect(
      parseCli([
        'serve',
        '--port',
        '9000',
        '--host=0.0.0.0',
        '--mqtt-port',
        '0',
        '--broker-ws',
        'ws://h:9001',
      ]),
    ).toEqual({
      kind: 'serve',
      options: { port: 9000, host: '0.0.0.0', mqttPort: 0, brokerWsUrl: 'ws://h:9001' },
    });
  });

  it('reads the store network flags: repeatable names, the setup port, plain HTTP', () => {
    expect(
      parseCli(['serve', '--hostname', 'hub.test', '--hostname=192.0.2.5', '--http-port', '80'], {
        NEXTUP_HOSTNAME: 'from-env.local, other.local',
      }),
    ).toEqual({
      kind: 'serve',
      options: {
        hostnames: ['from-env.local', 'other.local', 'hub.test', '192.0.2.5'],
        httpPort: 80,
      },
    });
    expect(parseCli(['serve', '--plain-http'])).toEqual({
      kind: 'serve',
      options: { plainHttp: true },
    });
    expect(usageError(['serve', '--hostname', 'bad name!'])).toBe(
      '--hostname must be a host name such as store-hub.local or an IP address (got "bad name!")',
    );
  });

  it('takes relative directories from the current directory', () => {
    const cmd = parseCli(['serve', '--config', 'my-config', '--data', '/var/nextup']);
    expect(cmd).toEqual({
      kind: 'serve',
      options: { configDir: path.resolve('my-config'), dataDir: '/var/nextup' },
    });
  });

  it('falls back to the environment, and flags win over it', () => {
    const env = { NEXTUP_PORT: '8081', NEXTUP_BROKER: 'mqtt://10.0.0.2:1883', NEXTUP_HOST: '' };
    expect(parseCli(['serve'], env)).toEqual({
      kind: 'serve',
      options: { port: 8081, brokerUrl: 'mqtt://10.0.0.2:1883' },
    });
    expect(parseCli(['serve', '--port', '8082'], env)).toMatchObject({ options: { port: 8082 } });
  });

  it('explains bad input in one line', () => {
    expect(usageError(['serve', '--prot', '1'])).toBe('unknown option: --prot');
    expect(usageError(['serve', '--port', 'eighty'])).toBe(
      '--port must be a port number from 0 to 65535 (got "eighty")',
    );
    expect(usageError(['serve', '--port', '70000'])).toBe(
      '--port must be a port number from 0 to 65535 (got "70000")',
    );
    expect(usageError(['serve', '--port'])).toBe('--port needs a value');
    expect(usageError(['serve', '--broker', 'http://x'])).toBe(
      '--broker must start with mqtt:, mqtts:, tcp:, ssl:, ws:, wss: (got "http://x")',
    );
    expect(usageError(['serve', '--broker-ws', 'not a url'])).toBe(
      '--broker-ws must be a URL such as ws://127.0.0.1 (got "not a url")',
    );
    expect(usageError(['serve'], { NEXTUP_MQTT_PORT: '-1' })).toBe(
      'NEXTUP_MQTT_PORT must be a port number from 0 to 65535 (got "-1")',
    );
    expect(usageError(['start'])).toBe('unknown command: start');
    expect(usageError(['check-config', 'a', 'b'])).toBe('check-config takes one directory, got 2');
  });

  it('recognises help anywhere', () => {
    expect(parseCli([])).toEqual({ kind: 'help' });
    expect(parseCli(['--help'])).toEqual({ kind: 'help' });
    expect(parseCli(['serve', '-h'])).toEqual({ kind: 'help' });
  });

  it('reads the directory to check', () => {
    expect(parseCli(['check-config', 'x'])).toEqual({ kind: 'check-config', target: 'x' });
    expect(parseCli(['check-config'])).toEqual({ kind: 'check-config', target: undefined });
  });
});

/** A hung command is killed after this long; a test waits for its process to end, not a guess. */
const PROCESS_LIMIT_MS = 60_000;
/** Two commands one after another, with room for a busy machine (Node with tsx starts slowly). */
const SPAWN_TEST_MS = 2 * PROCESS_LIMIT_MS + 10_000;

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), PROCESS_LIMIT_MS);
    child.on('error', reject);
    // 'close', not 'exit': the output is read to its end
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('the nextup command', () => {
  it(
    'checks the default config',
    async () => {
      const r = await run(['check-config']);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toBe(
        'kiosk-config/store.json: OK (store store-001: 4 services, 4 counters, 2 kiosks)\n',
      );
    },
    SPAWN_TEST_MS,
  );

  it(
    'prints each config problem on its own line, without a stack trace, and exits 1',
    async () => {
      const dir = tempDir('cli-config');
      try {
        const cfg = JSON.parse(
          readFileSync(path.join(DEFAULT_CONFIG_DIR, 'store.json'), 'utf8'),
        ) as {
          services: { prefix: string }[];
          kiosks: { range: { from: number } }[];
        };
        cfg.services[2]!.prefix = 'aa';
        cfg.kiosks[1]!.range.from = 100;
        writeFileSync(path.join(dir.path, 'store.json'), JSON.stringify(cfg));
        const r = await run(['check-config', dir.path]);
        expect(r.code).toBe(1);
        const lines = r.stderr.trimEnd().split('\n');
        expect(lines).toEqual([
          expect.stringMatching(
            /store\.json: services\[2\]\.prefix: must be a single capital letter \(got "aa"\)$/,
          ),
        ]);
        cfg.services[2]!.prefix = 'P';
        writeFileSync(path.join(dir.path, 'store.json'), JSON.stringify(cfg));
        const r2 = await run(['check-config', path.join(dir.path, 'store.json')]);
        expect(r2.code).toBe(1);
        expect(r2.stderr).toMatch(
          /kiosks\[1\]\.range: 100\.\.999 overlaps kiosks\[0\]\.range 1\.\.499/,
        );
        expect(r2.stderr).not.toMatch(/\n\s+at /);
      } finally {
        dir.remove();
      }
    },
    SPAWN_TEST_MS,
  );

  it(
    'refuses an unknown flag with one line and the usage, exit 2',
    async () => {
      const r = await run(['serve', '--verbose']);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe('nextup: unknown option: --verbose');
      expect(r.stderr).toContain('Usage:');
    },
    SPAWN_TEST_MS,
  );
});
