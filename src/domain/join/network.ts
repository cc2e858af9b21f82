/**
 * The store's own network: where a phone's "I'm here" is believed (the customer is on the
 * store's Wi-Fi, so in the store). A list of CIDRs from the config, by default the private
 * ranges and loopback. Pure: the hub hands in the request's address as text.
 */

/** Private IPv4 and IPv6 ranges, link-local and loopback: a store's LAN is one of these. */
export const DEFAULT_STORE_NETWORKS: readonly string[] = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '169.254.0.0/16',
  '127.0.0.0/8',
  'fc00::/7',
  'fe80::/10',
  '::1/128',
];

interface Cidr {
  readonly v6: boolean;
  readonly base: bigint;
  readonly bits: number;
}

function parseV4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let out = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    out = (out << 8n) | BigInt(Number(p));
  }
  return out;
}

function parseV6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (h: string): string[] | undefined => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return undefined;
  // an embedded IPv4 tail ("::ffff:192.168.1.5") counts as two groups
  const last = tail.length > 0 ? tail : head;
  const v4 = last.length > 0 && last[last.length - 1]!.includes('.') ? last.pop() : undefined;
  const v4Value = v4 !== undefined ? parseV4(v4) : undefined;
  if (v4 !== undefined && v4Value === undefined) return undefined;
  const count = head.length + tail.length + (v4 !== undefined ? 2 : 0);
  if (halves.length === 1 ? count !== 8 : count > 7) return undefined;
  const all = [...head, ...Array<string>(8 - count).fill('0'), ...tail];
  let out = 0n;
  for (const g of all) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    out = (out << 16n) | BigInt(parseInt(g, 16));
  }
  return v4Value !== undefined ? (out << 32n) | v4Value : out;
}

/** An address as (IPv6?, value); IPv4-mapped IPv6 ("::ffff:a.b.c.d") reads as IPv4. */
export function parseAddress(text: string): { v6: boolean; value: bigint } | undefined {
  const bare = text.replace(/%.*$/, '');
  const v4 = parseV4(bare);
  if (v4 !== undefined) return { v6: false, value: v4 };
  const v6 = parseV6(bare);
  if (v6 === undefined) return undefined;
  if (v6 >> 32n === 0xffffn) return { v6: false, value: v6 & 0xffffffffn };
  return { v6: true, value: v6 };
}

export function parseCidr(text: string): Cidr | undefined {
  const [addr = '', bitsText = '', ...rest] = text.split('/');
  if (rest.length > 0 || !/^\d{1,3}$/.test(bitsText)) return undefined;
  const a = parseAddress(addr);
  const bits = Number(bitsText);
  if (!a || bits > (a.v6 ? 128 : 32)) return undefined;
  return { v6: a.v6, base: a.value, bits };
}

function contains(c: Cidr, a: { v6: boolean; value: bigint }): boolean {
  if (c.v6 !== a.v6) return false;
  const shift = BigInt((c.v6 ? 128 : 32) - c.bits);
  return c.base >> shift === a.value >> shift;
}

/** Whether `address` is on the store's network (`networks`, else the defaults). */
export function onStoreNetwork(
  address: string | undefined,
  networks: readonly string[] = DEFAULT_STORE_NETWORKS,
): boolean {
  const a = address !== undefined ? parseAddress(address) : undefined;
  if (!a) return false;
  return networks.some((n) => {
    const c = parseCidr(n);
    return c !== undefined && contains(c, a);
  });
}
