// The chain flags of `nextup serve` and the credentials file, each mistake a clear line.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCli } from '../cli-args.ts';
import { loadChainSettings } from './chain-settings.ts';

const seed = 'SU' + 'A'.repeat(56);
const serve = (...args: string[]) => {
  const c = parseCli(['serve', ...args]);
  if (c.kind !== 'serve') throw new Error('not serve');
  return c.options;
};

describe('--chain and --chain-creds', () => {
  it('reads the nodes and the credentials path, from flags or the environment', () => {
    const o = serve(
      '--chain',
      'nats://h1:4222, nats://h2:4222,tls://h3:4222',
      '--chain-creds',
      'c.json',
    );
    expect(o.chain?.servers).toEqual(['nats://h1:4222', 'nats://h2:4222', 'tls://h3:4222']);
    expect(o.chain?.credsFile).toBe(join(process.cwd(), 'c.json'));
    const env = parseCli(['serve'], { NEXTUP_CHAIN: 'nats://h1:4222' });
    expect(env.kind === 'serve' && env.options.chain?.servers).toEqual(['nats://h1:4222']);
  });

  it.each([
    [['--chain', ''], "--chain needs the cluster's nodes"],
    [['--chain', ','], "--chain needs the cluster's nodes"],
    [['--chain', 'http://h1:4222'], 'must start with nats:// or tls://'],
    [['--chain', 'nats://h1:4222/x'], 'a host and port only'],
    [['--chain', 'h1 4222'], 'is not a URL'],
    [['--chain-creds', 'c.json'], '--chain-creds needs --chain'],
    [['--chain-rate', '100'], '--chain-rate needs --chain'],
    [['--chain', 'nats://h:4222', '--chain-rate', '0'], '--chain-rate must be a whole number'],
  ])('refuses %j', (args, message) => {
    expect(() => serve(...args)).toThrow(message);
  });
});

describe('the chain credentials file at start', () => {
  const file = (content: string): string => {
    const f = join(mkdtempSync(join(tmpdir(), 'nextup-creds-')), 'store.creds.json');
    writeFileSync(f, content);
    return f;
  };
  const load = (credsFile: string) =>
    loadChainSettings({ servers: ['nats://h:4222'], credsFile }, 'store-001');

  it('takes this store own credentials', async () => {
    const s = await load(file(JSON.stringify({ kind: 'store', name: 'store-001', seed })));
    expect(s.creds?.seed).toBe(seed);
  });

  it.each([
    ['{', 'not JSON'],
    [
      JSON.stringify({ kind: 'store', name: 'store-002', seed }),
      'credentials of store store-002; this hub serves store store-001',
    ],
    [JSON.stringify({ kind: 'reader', name: 'hq', seed }), '"reader" credentials'],
    [JSON.stringify({ kind: 'store', name: 'store-001', seed: 'x' }), '"seed" must be an NKey'],
  ])('names the problem with %s', async (content, message) => {
    await expect(load(file(content))).rejects.toThrow(message);
  });

  it('names a file it cannot read', async () => {
    await expect(load('/nonexistent/creds.json')).rejects.toThrow(/--chain-creds .*cannot read it/);
  });
});
