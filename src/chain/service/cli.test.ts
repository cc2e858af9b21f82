import { describe, expect, it } from 'vitest';
import { parseChainServeArgs } from './cli.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadStoreList } from './store-list.ts';

describe('nextup chain serve', () => {
  it('reads the cluster, the port and the optional files', () => {
    expect(
      parseChainServeArgs([
        '--nats',
        'nats://a:4222,nats://b:4222',
        '--port',
        '8090',
        '--creds',
        'c.json',
      ]),
    ).toEqual({
      nats: ['nats://a:4222', 'nats://b:4222'],
      port: 8090,
      host: '127.0.0.1',
      creds: 'c.json',
    });
  });
  it.each([
    [['--port', '1'], '--nats'],
    [['--nats', 'nats://a:1', '--port', 'x'], '--port'],
    [['--nats', 'nats://a:1', '--port', '1', '--what', 'x'], 'unknown option --what'],
    [['--nats', '--port', '1'], '--nats needs a value'],
  ])('names what is wrong in %j', (argv, message) => {
    expect(() => parseChainServeArgs(argv)).toThrow(message);
  });
});

describe("the chain file's stores", () => {
  it('reads the chain file: id, name, region and time zone; a store it does not list has region "—"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nextup-store-list-'));
    try {
      const file = join(dir, 'chain.json');
      const nkey = 'U' + 'A'.repeat(55);
      const store = { id: 'n1', name: 'North One', region: 'North', timeZone: 'Europe/Warsaw' };
      writeFileSync(
        file,
        JSON.stringify({ chain: { id: 'c', name: 'C' }, stores: [{ ...store, nkey }], users: [] }),
      );
      const list = await loadStoreList(file);
      expect(list.info('n1')).toEqual(store);
      expect(list.info('x9')).toEqual({ id: 'x9', name: 'x9', region: '—', timeZone: 'UTC' });
      writeFileSync(
        file,
        JSON.stringify({
          chain: { id: 'c', name: 'C' },
          stores: [{ ...store, id: 'a.b', nkey }],
          users: [],
        }),
      );
      await expect(loadStoreList(file)).rejects.toThrow(`${file}: stores[0].id`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
