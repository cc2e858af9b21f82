/**
 * A chain's folder and the changes an administrator makes to it: `chain.json` (stores, users,
 * public NKeys), `auth.conf` (written from it for the nodes), `creds/<name>.json` (each user's
 * seed, readable by its owner only) and `tls/` (the chain's certificate authority). Every
 * change rewrites the files whole (write, rename), so a crash leaves the old or the new.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createUser } from '@nats-io/nkeys';
import { genSaltSync, hashSync } from 'bcryptjs';
import type { ChainCreds } from '../domain/chain/creds.ts';
import { createAuthority, writeAtomic } from '../hub/tls/store-authority.ts';
import { authConfig } from './auth-config.ts';
import {
  checkChainFile,
  loadChainFile,
  type ChainFile,
  type ChainStore,
  type ChainUser,
} from './chain-file.ts';

export const CHAIN_FILES = {
  chain: 'chain.json',
  auth: 'auth.conf',
  creds: 'creds',
  caCert: join('tls', 'ca.crt'),
  caKey: join('tls', 'ca.key'),
} as const;

/** A mistake an administrator can fix: the message says which and how. */
export class ChainAdminError extends Error {
  override name = 'ChainAdminError';
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

function newUserKeys(): { seed: string; nkey: string } {
  const kp = createUser();
  return { seed: new TextDecoder().decode(kp.getSeed()), nkey: kp.getPublicKey() };
}

async function save(dir: string, chain: ChainFile): Promise<void> {
  const file = join(dir, CHAIN_FILES.chain);
  checkChainFile(JSON.parse(JSON.stringify(chain)), file);
  await writeAtomic(file, JSON.stringify(chain, null, 2) + '\n', false);
  await writeAtomic(join(dir, CHAIN_FILES.auth), authConfig(chain), false);
}

async function writeCreds(dir: string, creds: ChainCreds): Promise<string> {
  await mkdir(join(dir, CHAIN_FILES.creds), { recursive: true, mode: 0o700 });
  const file = join(dir, CHAIN_FILES.creds, `${creds.name}.json`);
  await writeAtomic(file, JSON.stringify(creds, null, 2) + '\n', true);
  return file;
}

async function caPem(dir: string): Promise<string> {
  return readFile(join(dir, CHAIN_FILES.caCert), 'utf8');
}

/**
 * A new chain in `dir`: its chain file, its certificate authority and the chain service's
 * user. Refuses a folder that already holds a chain.
 */
export async function initChain(
  dir: string,
  chain: { id: string; name: string },
  now = new Date(),
): Promise<{ serviceCreds: string }> {
  if (await exists(join(dir, CHAIN_FILES.chain)))
    throw new ChainAdminError(`${join(dir, CHAIN_FILES.chain)} exists: this folder holds a chain`);
  await mkdir(join(dir, 'tls'), { recursive: true, mode: 0o700 });
  const ca = await createAuthority(`Nextup chain authority: ${chain.name}`, now);
  await writeAtomic(join(dir, CHAIN_FILES.caKey), ca.keyPem, true);
  await writeAtomic(join(dir, CHAIN_FILES.caCert), ca.certPem, false);
  const keys = newUserKeys();
  await save(dir, {
    chain,
    stores: [],
    users: [{ name: 'service', kind: 'service', nkey: keys.nkey }],
  });
  const serviceCreds = await writeCreds(dir, {
    kind: 'service',
    name: 'service',
    seed: keys.seed,
    caPem: ca.certPem,
  });
  return { serviceCreds };
}

/** A store joins the chain: its own user, limited to its own subjects. Returns its creds file. */
export async function addStore(dir: string, store: Omit<ChainStore, 'nkey'>): Promise<string> {
  const [file] = await addStores(dir, [store]);
  if (file === undefined) throw new ChainAdminError(`store ${store.id} was not added`);
  return file;
}

/** Several stores join at once (one rewrite of the chain's files). Returns their creds files. */
export async function addStores(
  dir: string,
  stores: readonly Omit<ChainStore, 'nkey'>[],
): Promise<string[]> {
  const chain = await loadChainFile(join(dir, CHAIN_FILES.chain));
  const taken = new Set(chain.stores.map((s) => s.id));
  for (const store of stores) {
    if (taken.has(store.id)) throw new ChainAdminError(`store ${store.id} is already in the chain`);
    if (chain.users.some((u) => u.name === store.id))
      throw new ChainAdminError(`the name ${store.id} is taken by a user of the chain`);
    taken.add(store.id);
  }
  const keyed = stores.map((store) => ({ store, keys: newUserKeys() }));
  await save(dir, {
    ...chain,
    stores: [...chain.stores, ...keyed.map(({ store, keys }) => ({ ...store, nkey: keys.nkey }))],
  });
  const ca = await caPem(dir);
  const files: string[] = [];
  for (const { store, keys } of keyed)
    files.push(
      await writeCreds(dir, { kind: 'store', name: store.id, seed: keys.seed, caPem: ca }),
    );
  return files;
}

/**
 * Another user: a chain service instance's or a read-only reader's; `mqtt` gives a reader a
 * password for the cluster's MQTT gateway too (kept in its creds file, hashed in chain.json).
 * Returns its creds file.
 */
export async function addUser(
  dir: string,
  user: Omit<ChainUser, 'nkey' | 'mqttPasswordHash'> & { readonly mqtt?: boolean },
): Promise<string> {
  const chain = await loadChainFile(join(dir, CHAIN_FILES.chain));
  if (chain.users.some((u) => u.name === user.name) || chain.stores.some((s) => s.id === user.name))
    throw new ChainAdminError(`the name ${user.name} is taken`);
  if (user.mqtt && user.kind !== 'reader')
    throw new ChainAdminError('only a reader gets an MQTT password');
  const keys = newUserKeys();
  const password = user.mqtt ? randomBytes(24).toString('base64url') : undefined;
  const entry: ChainUser = {
    name: user.name,
    kind: user.kind,
    nkey: keys.nkey,
    ...(password ? { mqttPasswordHash: hashSync(password, genSaltSync(11)) } : {}),
  };
  await save(dir, { ...chain, users: [...chain.users, entry] });
  return writeCreds(dir, {
    kind: user.kind,
    name: user.name,
    seed: keys.seed,
    caPem: await caPem(dir),
    ...(password ? { mqttPassword: password } : {}),
  });
}
