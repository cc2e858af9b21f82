/**
 * Which names and addresses the hub's certificate must cover, and when it must be issued
 * again. Pure: the hub passes in what it read from the machine.
 */
import { isIP } from 'node:net';

export interface HubNames {
  /** DNS names, lower case, sorted. */
  readonly dns: readonly string[];
  /** IP addresses, sorted. */
  readonly ips: readonly string[];
}

export interface MachineView {
  /** os.hostname(). */
  readonly hostname: string;
  /** The machine's non-internal addresses (its LAN addresses). */
  readonly lanAddresses: readonly string[];
  /** The address the hub listens on (0.0.0.0, a LAN address, 127.0.0.1…). */
  readonly listenHost: string;
}

/** A host name a certificate may carry: letters, digits, hyphens, dots; no wildcards. */
const DNS_NAME =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

export function isValidHostname(name: string): boolean {
  return DNS_NAME.test(name.toLowerCase());
}

const WILDCARD = new Set(['0.0.0.0', '::', '']);

/**
 * Every name a tablet may use: the names the store gave (--hostname), the machine's own name
 * and its mDNS name (<host>.local), its LAN addresses (when it listens on them), and loopback
 * (the hub's own agent and a browser on the hub's machine).
 */
export function hubNames(machine: MachineView, hostnames: readonly string[]): HubNames {
  const dns = new Set<string>(['localhost']);
  const ips = new Set<string>(['127.0.0.1', '::1']);
  const add = (name: string): void => {
    const n = name.trim().toLowerCase();
    if (n === '') return;
    if (isIP(n)) ips.add(n);
    else if (isValidHostname(n)) dns.add(n);
  };
  for (const name of hostnames) add(name);
  const host = machine.hostname.trim().toLowerCase();
  if (isValidHostname(host) && host !== 'localhost') {
    add(host);
    if (!host.includes('.')) add(`${host}.local`);
  }
  if (WILDCARD.has(machine.listenHost)) for (const ip of machine.lanAddresses) add(ip);
  else add(machine.listenHost);
  return { dns: [...dns].sort(), ips: [...ips].sort() };
}

/** The name a tablet should type: the first one the store gave, else the machine's. */
export function preferredName(names: HubNames, hostnames: readonly string[]): string {
  const given = hostnames.map((h) => h.trim().toLowerCase()).find((h) => h !== '');
  if (given) return given;
  return (
    names.dns.find((d) => d.endsWith('.local')) ??
    names.dns.find((d) => d !== 'localhost') ??
    names.ips.find((ip) => !ip.startsWith('127.') && ip !== '::1') ??
    '127.0.0.1'
  );
}

/** A new hub certificate is issued this long before the old one expires. */
export const RENEW_BEFORE_MS = 30 * 24 * 3_600_000;

export interface IssuedCertificate {
  readonly names: HubNames;
  readonly notAfter: Date;
}

/** Why the hub certificate must be issued again, or undefined while it still serves. */
export function reissueReason(
  current: IssuedCertificate | undefined,
  wanted: HubNames,
  now: Date,
): string | undefined {
  if (!current) return 'no hub certificate yet';
  const missing = [
    ...wanted.dns.filter((d) => !current.names.dns.includes(d)),
    ...wanted.ips.filter((ip) => !current.names.ips.includes(ip)),
  ];
  if (missing.length > 0) return `new names or addresses: ${missing.join(', ')}`;
  const left = current.notAfter.getTime() - now.getTime();
  if (left < RENEW_BEFORE_MS) return `it expires ${current.notAfter.toISOString().slice(0, 10)}`;
  return undefined;
}
