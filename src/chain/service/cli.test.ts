import { describe, expect, it } from 'vitest';
import { parseChainServeArgs } from './cli.ts';
import { parseStoreList, storeList } from './store-list.ts';

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
  it('reads id, name, region and time zone; a store it does not list has region "—"', () => {
    const list = storeList(
      parseStoreList(
        {
          stores: [
            { id: 'n1', name: { en: 'North One' }, region: 'North', timeZone: 'Europe/Warsaw' },
          ],
        },
        'chain.json',
      ),
    );
    expect(list.info('n1')).toEqual({
      id: 'n1',
      name: 'North One',
      region: 'North',
      timeZone: 'Europe/Warsaw',
    });
    expect(list.info('x9')).toEqual({ id: 'x9', name: 'x9', region: '—', timeZone: 'UTC' });
  });
  it('names the file and the store that is wrong', () => {
    expect(() => parseStoreList({}, 'chain.json')).toThrow('chain.json: no "stores" list');
    expect(() => parseStoreList([{ id: 'a.b' }], 'chain.json')).toThrow('stores[0].id');
  });
});
