import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseChainCreds } from '../domain/chain/creds.ts';
import { addStore, addUser, CHAIN_FILES, initChain } from './admin.ts';
import { loadChainFile } from './chain-file.ts';
import { planNodes, writeClusterFiles } from './cluster-files.ts';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'nextup-chain-admin-'));
  dirs.push(d);
  return d;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('a chain folder', () => {
  it('gives each store its own user, seed only in its credentials, permissions in auth.conf', async () => {
    const dir = tempDir();
    await initChain(dir, { id: 'demo', name: 'Demo' });
    const credsFile = await addStore(dir, { id: 's1', name: 'One', region: 'N', timeZone: 'UTC' });
    const creds = parseChainCreds(readFileSync(credsFile, 'utf8'), credsFile);
    expect(creds).toMatchObject({ kind: 'store', name: 's1' });
    expect(creds.caPem).toContain('BEGIN CERTIFICATE');
    expect(statSync(credsFile).mode & 0o077).toBe(0);
    const chain = await loadChainFile(join(dir, CHAIN_FILES.chain));
    expect(JSON.stringify(chain)).not.toContain(creds.seed);
    const auth = readFileSync(join(dir, CHAIN_FILES.auth), 'utf8');
    const store = chain.stores[0];
    expect(auth).toContain(
      `{ nkey: "${store?.nkey}", permissions: { publish: { allow: ["nextup.s1.>"] }, subscribe: { allow: ["_INBOX_s1.>"] } } }`,
    );
  });

  it('refuses a store twice, a name taken, and a second chain in one folder', async () => {
    const dir = tempDir();
    await initChain(dir, { id: 'demo', name: 'Demo' });
    await addStore(dir, { id: 's1', name: 'One', region: 'N', timeZone: 'UTC' });
    await expect(
      addStore(dir, { id: 's1', name: 'Again', region: 'N', timeZone: 'UTC' }),
    ).rejects.toThrow('store s1 is already in the chain');
    await expect(addUser(dir, { name: 's1', kind: 'reader' })).rejects.toThrow(
      'the name s1 is taken',
    );
    await expect(
      addStore(dir, { id: 'service', name: 'S', region: 'N', timeZone: 'UTC' }),
    ).rejects.toThrow('taken by a user');
    await expect(
      addStore(dir, { id: 's2', name: 'S', region: 'N', timeZone: 'Nowhere/Else' }),
    ).rejects.toThrow('not a known time zone');
    await expect(initChain(dir, { id: 'x', name: 'X' })).rejects.toThrow(
      'this folder holds a chain',
    );
    expect((await loadChainFile(join(dir, CHAIN_FILES.chain))).stores).toHaveLength(1);
  });

  it('writes one configuration and certificate per node; one host three times gets three port sets', async () => {
    const dir = tempDir();
    await initChain(dir, { id: 'demo', name: 'Demo' });
    const nodes = planNodes(dir, ['127.0.0.1', '127.0.0.1', '127.0.0.1']);
    expect(nodes.map((n) => n.clientPort)).toEqual([4222, 4223, 4224]);
    const files = await writeClusterFiles(dir, nodes);
    const conf = readFileSync(files[1] ?? '', 'utf8');
    expect(conf).toContain('listen: "127.0.0.1:4223"');
    expect(conf).toContain('"tls-route://127.0.0.1:6222"');
    expect(conf).toContain('include "../auth.conf"');
  });
});
