/**
 * How the hub speaks TLS: a certificate the store brings (--tls-cert/--tls-key), the store's
 * own authority (store network mode: a non-loopback --host or any --hostname), or none (the
 * hub's own machine only). Also keeps the store-authority certificate current while running.
 */
import { readFile } from 'node:fs/promises';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { HubStartError } from '../listen.ts';
import type { Logger } from '../log.ts';
import { resolveFromRepo } from '../paths.ts';
import { hubNames, preferredName, type HubNames } from './hub-names.ts';
import {
  X509Certificate,
  certificateNames,
  ensureStoreTls,
  type StoreTls,
} from './store-authority.ts';

export interface TlsMaterial {
  readonly cert: string;
  readonly key: string;
  /** What the hub's own clients (its agent) trust for it. */
  readonly ca: string;
}

export type HubTls =
  | { readonly kind: 'none' }
  | { readonly kind: 'provided'; readonly material: TlsMaterial; readonly names: HubNames }
  | {
      readonly kind: 'store';
      readonly material: TlsMaterial;
      readonly store: StoreTls;
      /** The name tablets should type. */
      readonly publicName: string;
    };

export function lanAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) =>
    (list ?? []).filter((a) => !a.internal && a.family === 'IPv4').map((a) => a.address),
  );
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

export interface TlsChoice {
  readonly host: string;
  readonly hostnames: readonly string[];
  readonly tlsCert?: string | undefined;
  readonly tlsKey?: string | undefined;
  /** Serve plain HTTP even in store network mode (behind a TLS proxy, or to try things). */
  readonly plainHttp?: boolean | undefined;
}

/** Every name the hub answers to: its own, and those of the certificate it serves. */
export function namesServed(choice: TlsChoice, cert: HubNames | undefined): HubNames {
  const own = currentNames(choice);
  if (!cert) return own;
  return {
    dns: [...new Set([...own.dns, ...cert.dns])].sort(),
    ips: [...new Set([...own.ips, ...cert.ips])].sort(),
  };
}

/** The store network mode: tablets other than the hub's own machine will connect. */
export function servesStoreNetwork(choice: TlsChoice): boolean {
  return !isLoopbackHost(choice.host) || choice.hostnames.length > 0;
}

export function currentNames(choice: TlsChoice): HubNames {
  return hubNames(
    { hostname: hostname(), lanAddresses: lanAddresses(), listenHost: choice.host },
    choice.hostnames,
  );
}

export async function chooseHubTls(
  choice: TlsChoice,
  ctx: { readonly dataDir: string; readonly storeName: string; readonly log: Logger },
): Promise<HubTls> {
  if ((choice.tlsCert === undefined) !== (choice.tlsKey === undefined)) {
    throw new HubStartError('--tls-cert and --tls-key go together: give both or neither');
  }
  if (choice.tlsCert !== undefined && choice.tlsKey !== undefined) {
    const { cert, key } = await readTls(choice.tlsCert, choice.tlsKey);
    let names: HubNames;
    try {
      names = certificateNames(new X509Certificate(cert));
    } catch (err) {
      throw new HubStartError(`cannot read the TLS certificate: ${(err as Error).message}`);
    }
    return { kind: 'provided', material: { cert, key, ca: cert }, names };
  }
  if (!servesStoreNetwork(choice) || choice.plainHttp) return { kind: 'none' };
  return storeTls(choice, ctx);
}

async function storeTls(
  choice: TlsChoice,
  ctx: { readonly dataDir: string; readonly storeName: string; readonly log: Logger },
): Promise<HubTls & { kind: 'store' }> {
  const names = currentNames(choice);
  let store: StoreTls;
  try {
    store = await ensureStoreTls({
      dir: join(ctx.dataDir, 'tls'),
      storeName: ctx.storeName,
      names,
    });
  } catch (err) {
    throw new HubStartError(
      `cannot prepare the store's certificates in ${join(ctx.dataDir, 'tls')}: ${(err as Error).message}`,
    );
  }
  if (store.issued) {
    ctx.log.info('tls', `issued a hub certificate (${store.issued}) for ${describe(store.names)}`);
  }
  ctx.log.info('tls', `store authority fingerprint (SHA-256) ${store.caFingerprint}`);
  return {
    kind: 'store',
    store,
    material: { cert: store.certPem, key: store.keyPem, ca: store.caPem },
    publicName: preferredName(store.names, choice.hostnames),
  };
}

function describe(names: HubNames): string {
  return [...names.dns, ...names.ips].join(', ');
}

/** Every hour: a new address (DHCP) or a near expiry gets a new certificate, same authority. */
const RECHECK_MS = 3_600_000;

export function keepCertificateCurrent(
  choice: TlsChoice,
  ctx: { readonly dataDir: string; readonly storeName: string; readonly log: Logger },
  apply: (fresh: { readonly material: TlsMaterial; readonly store: StoreTls }) => void,
): () => void {
  const timer = setInterval(() => {
    ensureStoreTls({
      dir: join(ctx.dataDir, 'tls'),
      storeName: ctx.storeName,
      names: currentNames(choice),
    }).then(
      (store) => {
        if (!store.issued) return;
        ctx.log.info('tls', `issued a new hub certificate (${store.issued})`);
        apply({ material: { cert: store.certPem, key: store.keyPem, ca: store.caPem }, store });
      },
      (err: unknown) =>
        ctx.log.error('tls', `cannot renew the hub certificate: ${(err as Error).message}`),
    );
  }, RECHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}

async function readTls(certPath: string, keyPath: string): Promise<{ cert: string; key: string }> {
  try {
    const [cert, key] = await Promise.all([
      readFile(resolveFromRepo(certPath), 'utf8'),
      readFile(resolveFromRepo(keyPath), 'utf8'),
    ]);
    return { cert, key };
  } catch (err) {
    throw new HubStartError(`cannot read the TLS certificate or key: ${(err as Error).message}`);
  }
}
