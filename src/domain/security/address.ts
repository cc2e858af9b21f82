/**
 * A remote address as limits count it: 10.0.0.5 whether the listener is IPv4 or dual-stack
 * (::ffff:10.0.0.5), so one host is one key.
 */
export function plainAddress(address: string | undefined): string {
  if (!address) return 'an unknown address';
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
