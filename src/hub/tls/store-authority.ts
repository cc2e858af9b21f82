/**
 * The store's own certificate authority and the hub certificate it signs, kept in
 * <data>/tls. Tablets trust the authority once; the hub certificate is issued again with the
 * same authority whenever the hub's names change or it nears expiry, so they never need to
 * trust anything twice. Certificates are made with @peculiar/x509 on Node's Web Crypto.
 */
import { webcrypto } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
// @peculiar/x509 resolves its algorithms through tsyringe, which needs the Reflect polyfill
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { reissueReason, type HubNames } from './hub-names.ts';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const;
const DAY_MS = 24 * 3_600_000;
/** The authority lives as long as the store's tablets: they trust it once. */
const CA_DAYS = 20 * 365;
/** Under the 398 days browsers accept for a server certificate. */
const HUB_DAYS = 397;

export interface StoreTls {
  /** PEM of the store authority, for tablets and for the hub's own clients. */
  readonly caPem: string;
  readonly caDer: Uint8Array;
  /** SHA-256 of the authority's DER, as AA:BB:… */
  readonly caFingerprint: string;
  /** The hub certificate (PEM) and its private key (PKCS#8 PEM). */
  readonly certPem: string;
  readonly keyPem: string;
  readonly names: HubNames;
  readonly notAfter: Date;
  /** Set when this call issued a new hub certificate: why. */
  readonly issued?: string;
}

export const TLS_FILES = {
  caCert: 'ca.crt',
  caKey: 'ca.key',
  hubCert: 'hub.crt',
  hubKey: 'hub.key',
} as const;

function pem(label: string, der: ArrayBuffer): string {
  const b64 = Buffer.from(der).toString('base64');
  return `-----BEGIN ${label}-----\n${b64.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END ${label}-----\n`;
}

function pemBody(text: string): Buffer {
  return Buffer.from(text.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Written whole or not at all; keys readable by the hub's user only. */
export async function writeAtomic(file: string, text: string, secret: boolean): Promise<void> {
  const tmp = `${file}.tmp`;
  await writeFile(tmp, text, { mode: secret ? 0o600 : 0o644 });
  if (secret) await chmod(tmp, 0o600);
  await rename(tmp, file);
}

export async function importKey(keyPem: string): Promise<CryptoKey> {
  return webcrypto.subtle.importKey('pkcs8', pemBody(keyPem), KEY_ALGORITHM, false, ['sign']);
}

async function newKeys(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']);
}

async function exportKey(key: CryptoKey): Promise<string> {
  return pem('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', key));
}

function serial(): string {
  // positive, 16 random bytes
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return Buffer.from(bytes).toString('hex');
}

/** A new certificate authority named `commonName` (the store's, or a chain's). */
export async function createAuthority(commonName: string, now: Date) {
  const keys = await newKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: [{ CN: [commonName] }, { O: ['Nextup'] }],
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter: new Date(now.getTime() + CA_DAYS * DAY_MS),
    signingAlgorithm: SIGNING,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certPem: cert.toString('pem') + '\n', keyPem: await exportKey(keys.privateKey) };
}

/**
 * A server certificate for `names` signed by `ca`; `clientToo` adds client authentication, for
 * servers that also dial each other (the chain's cluster nodes on their routes).
 */
export async function issueServerCertificate(
  ca: x509.X509Certificate,
  caKey: CryptoKey,
  names: HubNames,
  now: Date,
  clientToo = false,
) {
  const keys = await newKeys();
  const notAfter = new Date(now.getTime() + HUB_DAYS * DAY_MS);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: [{ CN: [names.dns.find((d) => d !== 'localhost') ?? 'localhost'] }],
    issuer: ca.subjectName,
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter,
    signingAlgorithm: SIGNING,
    publicKey: keys.publicKey,
    signingKey: caKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([
        x509.ExtendedKeyUsage.serverAuth,
        ...(clientToo ? [x509.ExtendedKeyUsage.clientAuth] : []),
      ]),
      new x509.SubjectAlternativeNameExtension([
        ...names.dns.map((value) => ({ type: 'dns' as const, value })),
        ...names.ips.map((value) => ({ type: 'ip' as const, value })),
      ]),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(ca),
    ],
  });
  return {
    certPem: cert.toString('pem') + '\n',
    keyPem: await exportKey(keys.privateKey),
    notAfter,
  };
}

export { X509Certificate } from '@peculiar/x509';

/** The names a hub certificate carries, as hub-names.ts compares them. */
export function certificateNames(cert: x509.X509Certificate): HubNames {
  const san = cert.getExtension(x509.SubjectAlternativeNameExtension);
  const all = san?.names.toJSON() ?? [];
  const pick = (type: string) =>
    all.filter((n) => n.type === type).map((n) => n.value.toLowerCase());
  return { dns: pick('dns').sort(), ips: pick('ip').sort() };
}

export async function sha256Fingerprint(der: Uint8Array): Promise<string> {
  const digest = Buffer.from(await webcrypto.subtle.digest('SHA-256', der));
  return [...digest].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
}

/** Is this hub certificate one the authority signed (not a leftover from another store)? */
async function signedBy(cert: x509.X509Certificate, ca: x509.X509Certificate): Promise<boolean> {
  try {
    return await cert.verify({ publicKey: ca.publicKey, signatureOnly: true });
  } catch {
    return false;
  }
}

/**
 * Loads the store authority and hub certificate from `dir`, creating the authority on first
 * start and issuing a new hub certificate when the wanted names are not all covered or it
 * nears expiry.
 */
export async function ensureStoreTls(opts: {
  readonly dir: string;
  readonly storeName: string;
  readonly names: HubNames;
  readonly now?: Date;
}): Promise<StoreTls> {
  const now = opts.now ?? new Date();
  const file = (name: keyof typeof TLS_FILES) => join(opts.dir, TLS_FILES[name]);
  await mkdir(opts.dir, { recursive: true, mode: 0o700 });

  let caPem = await readOptional(file('caCert'));
  let caKeyPem = await readOptional(file('caKey'));
  if (caPem === undefined || caKeyPem === undefined) {
    const created = await createAuthority(`Nextup store authority: ${opts.storeName}`, now);
    await writeAtomic(file('caKey'), created.keyPem, true);
    await writeAtomic(file('caCert'), created.certPem, false);
    ({ certPem: caPem, keyPem: caKeyPem } = created);
  }
  const ca = new x509.X509Certificate(caPem);

  const certPem = await readOptional(file('hubCert'));
  const keyPem = await readOptional(file('hubKey'));
  const current =
    certPem !== undefined && keyPem !== undefined ? new x509.X509Certificate(certPem) : undefined;
  const usable = current && (await signedBy(current, ca)) ? current : undefined;
  const reason = reissueReason(
    usable ? { names: certificateNames(usable), notAfter: usable.notAfter } : undefined,
    opts.names,
    now,
  );
  const caDer = new Uint8Array(ca.rawData);
  const caFingerprint = await sha256Fingerprint(caDer);
  if (reason === undefined && usable && certPem !== undefined && keyPem !== undefined) {
    return {
      caPem,
      caDer,
      caFingerprint,
      certPem,
      keyPem,
      names: certificateNames(usable),
      notAfter: usable.notAfter,
    };
  }
  const hub = await issueServerCertificate(ca, await importKey(caKeyPem), opts.names, now);
  await writeAtomic(file('hubKey'), hub.keyPem, true);
  await writeAtomic(file('hubCert'), hub.certPem, false);
  return {
    caPem,
    caDer,
    caFingerprint,
    certPem: hub.certPem,
    keyPem: hub.keyPem,
    names: opts.names,
    notAfter: hub.notAfter,
    issued: reason ?? 'no hub certificate yet',
  };
}
