/**
 * The hub's `--chain` settings made real at start: the credentials file read and checked
 * against this store (a store's file only, for this store's id), each problem one clear line.
 */
import { readFile } from 'node:fs/promises';
import { parseChainCreds, type ChainCreds } from '../../domain/chain/creds.ts';
import type { LinkOptions } from '../../domain/chain/link-messages.ts';
import { HubStartError } from '../listen.ts';
import { displayPath } from '../paths.ts';
import type { ChainSettings } from './store-link.ts';

/** What the command line gives (src/hub/cli-args.ts). */
export interface ChainOptions {
  readonly servers: readonly string[];
  readonly credsFile?: string;
  /** Tests: a quicker or slower link. */
  readonly link?: Partial<LinkOptions>;
}

export async function loadChainSettings(o: ChainOptions, store: string): Promise<ChainSettings> {
  let creds: ChainCreds | undefined;
  if (o.credsFile !== undefined) {
    const shown = displayPath(o.credsFile);
    let text: string;
    try {
      text = await readFile(o.credsFile, 'utf8');
    } catch (err) {
      throw new HubStartError(`--chain-creds ${shown}: cannot read it (${(err as Error).message})`);
    }
    try {
      creds = parseChainCreds(text, `--chain-creds ${shown}`);
    } catch (err) {
      throw new HubStartError((err as Error).message);
    }
    if (creds.kind !== 'store')
      throw new HubStartError(
        `--chain-creds ${shown}: these are "${creds.kind}" credentials; a hub needs its store's (nextup chain add-store ${store})`,
      );
    if (creds.name !== store)
      throw new HubStartError(
        `--chain-creds ${shown}: these are the credentials of store ${creds.name}; this hub serves store ${store}`,
      );
  }
  return {
    servers: o.servers,
    ...(creds ? { creds } : {}),
    ...(o.link ? { link: o.link } : {}),
  };
}
