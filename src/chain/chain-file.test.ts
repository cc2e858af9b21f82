import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHAIN_SCHEMA, CHAIN_SCHEMA_FILE, parseChainFile } from './chain-file.ts';

const KEY_A = 'U' + 'A'.repeat(55);
const KEY_B = 'U' + 'B'.repeat(55);

function file(over: Record<string, unknown> = {}): string {
  return JSON.stringify({
    chain: { id: 'demo', name: 'Demo' },
    stores: [{ id: 's1', name: 'One', region: 'North', timeZone: 'Europe/Warsaw', nkey: KEY_A }],
    users: [{ name: 'service', kind: 'service', nkey: KEY_B }],
    ...over,
  });
}

describe('the chain file', () => {
  it('ships its schema as JSON for editors, exactly as the typed schema', () => {
    expect(JSON.parse(readFileSync(CHAIN_SCHEMA_FILE, 'utf8'))).toEqual(
      JSON.parse(JSON.stringify(CHAIN_SCHEMA)),
    );
  });

  it('reads a valid chain', () => {
    expect(parseChainFile(file(), 'chain.json').stores[0]?.region).toBe('North');
  });

  it.each([
    ['{ "chain": ', 'chain.json: invalid JSON at line 1'],
    [
      file({
        stores: [{ id: 's1', name: 'One', region: 'N', timeZone: 'Mars/Base', nkey: KEY_A }],
      }),
      'stores[0].timeZone: is not a known time zone',
    ],
    [
      file({ stores: [{ id: 's.1', name: 'One', region: 'N', timeZone: 'UTC', nkey: KEY_A }] }),
      'stores[0].id: must be 1 to 64 letters',
    ],
    [
      file({ stores: [{ id: 's1', name: 'One', timeZone: 'UTC', nkey: KEY_A }] }),
      'stores[0].region: is required',
    ],
    [file({ users: [{ name: 'x', kind: 'admin', nkey: KEY_B }] }), 'users[0].kind: must be one of'],
    [
      file({
        stores: [
          { id: 's1', name: 'One', region: 'N', timeZone: 'UTC', nkey: KEY_A },
          { id: 's1', name: 'Two', region: 'N', timeZone: 'UTC', nkey: 'U' + 'C'.repeat(55) },
        ],
      }),
      'stores[1].id: store "s1" is listed twice',
    ],
    [file({ users: [{ name: 'service', kind: 'service', nkey: KEY_A }] }), 'belongs to two users'],
  ])('names the file, the field and the problem (%#)', (text, problem) => {
    expect(() => parseChainFile(text, 'chain.json')).toThrow(problem);
  });
});
