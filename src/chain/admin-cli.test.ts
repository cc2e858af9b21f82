import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../hub/cli.ts';
import { tempDir as makeTempDir, type TempDir } from '../hub/hub-testing.ts';

const made: TempDir[] = [];
function tempDir(): string {
  const d = makeTempDir('chain-cli');
  made.push(d);
  return d.path;
}
afterEach(() => made.splice(0).forEach((d) => d.remove()));

async function nextup(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { env: {}, stdout: (l) => out.push(l), stderr: (l) => err.push(l) };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('nextup chain', () => {
  it('lists its commands, and names an unknown one', async () => {
    expect((await nextup('chain', '--help')).out).toContain('nextup chain add-store');
    const unknown = await nextup('chain', 'launch');
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.err).toContain('unknown chain command: launch');
  });

  it('init, add-store, add-user and cluster write a chain a cluster can run', async () => {
    const dir = tempDir();
    expect(await nextup('chain', 'init', 'demo', '--dir', dir)).toMatchObject({ code: 0 });
    const added = await nextup(
      'chain',
      'add-store',
      'store-001',
      '--region',
      'North',
      '--time-zone',
      'Europe/Warsaw',
      '--dir',
      dir,
    );
    expect(added.code).toBe(0);
    expect(added.out).toContain(join(dir, 'creds', 'store-001.json'));
    expect(await nextup('chain', 'add-user', 'bi', '--kind', 'reader', '--dir', dir)).toMatchObject(
      { code: 0 },
    );
    const cluster = await nextup(
      'chain',
      'cluster',
      '--hosts',
      'a.example,b.example,c.example',
      '--dir',
      dir,
    );
    expect(cluster.code).toBe(0);
    expect(cluster.out).toContain(
      '--chain tls://a.example:4222,tls://b.example:4222,tls://c.example:4222',
    );
    expect(readFileSync(join(dir, 'nodes', 'n3.conf'), 'utf8')).toContain('server_name: "n3"');
  });

  it('says what is wrong with a command line or a chain', async () => {
    const dir = tempDir();
    expect((await nextup('chain', 'add-store', 's1', '--dir', dir)).err).toContain(
      'usage: nextup chain add-store',
    );
    expect(
      (
        await nextup(
          'chain',
          'add-store',
          's1',
          '--region',
          'N',
          '--time-zone',
          'UTC',
          '--dir',
          dir,
        )
      ).err,
    ).toContain('chain.json: file not found');
    await nextup('chain', 'init', 'demo', '--dir', dir);
    expect((await nextup('chain', 'cluster', '--hosts', 'a,b', '--dir', dir)).err).toContain(
      'an odd number of at least 3 nodes',
    );
    expect(
      (await nextup('chain', 'cluster', '--hosts', 'a,b,c', '--client-port', '0', '--dir', dir))
        .err,
    ).toContain('--client-port must be a port');
    expect((await nextup('chain', 'init', 'demo', '--colour', 'red', '--dir', dir)).err).toContain(
      "Unknown option '--colour'",
    );
  });
});
