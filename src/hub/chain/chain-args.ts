/**
 * The hub's chain flags on the command line: `--chain nats://h1:4222,nats://h2:4222,…` (the
 * cluster's nodes) and `--chain-creds <file>` (this store's credentials), checked as typed.
 * The credentials file itself is read when the hub starts (src/hub/chain/chain-settings.ts).
 */
import path from 'node:path';
import type { ChainOptions } from './chain-settings.ts';

const SCHEMES = ['nats:', 'tls:'];

/** The nodes of `--chain`; `fail` builds the command line's error from one line. */
export function chainServers(value: string, from: string, fail: (m: string) => Error): string[] {
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (list.length === 0)
    throw fail(`${from} needs the cluster's nodes, e.g. nats://h1:4222,nats://h2:4222`);
  for (const s of list) {
    let u: URL;
    try {
      u = new URL(s);
    } catch {
      throw fail(`${from}: "${s}" is not a URL such as nats://h1:4222`);
    }
    if (!SCHEMES.includes(u.protocol))
      throw fail(`${from}: "${s}" must start with nats:// or tls://`);
    if (u.hostname === '' || u.pathname.replace(/^\/$/, '') !== '' || u.search !== '')
      throw fail(`${from}: "${s}" must be a host and port only, e.g. nats://h1:4222`);
  }
  return list;
}

export function withChainServers(sofar: ChainOptions | undefined, servers: string[]): ChainOptions {
  return { ...sofar, servers };
}

export function withChainCreds(
  sofar: ChainOptions | undefined,
  file: string,
  from: string,
  fail: (m: string) => Error,
): ChainOptions {
  if (file.trim() === '') throw fail(`${from} must not be empty`);
  return { servers: sofar?.servers ?? [], ...sofar, credsFile: path.resolve(file) };
}

/** `--chain-rate`: events per second while catching up (the link's bound on its own work). */
export function withChainRate(
  sofar: ChainOptions | undefined,
  value: string,
  from: string,
  fail: (m: string) => Error,
): ChainOptions {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 100_000)
    throw fail(
      `${from} must be a whole number of events per second from 1 to 100000 (got "${value}")`,
    );
  return {
    servers: sofar?.servers ?? [],
    ...sofar,
    link: { ...sofar?.link, ratePerSec: Number(value) },
  };
}

/** Credentials without a cluster to use them on are a mistake worth saying. */
export function checkChain(chain: ChainOptions | undefined, fail: (m: string) => Error): void {
  if (chain && chain.servers.length === 0)
    throw fail(
      `${chain.credsFile !== undefined ? '--chain-creds' : '--chain-rate'} needs --chain <nodes>, e.g. --chain nats://h1:4222,nats://h2:4222`,
    );
}
