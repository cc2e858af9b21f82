/**
 * An Apple configuration profile (.mobileconfig) that installs the store authority as a
 * trusted root on iPadOS and iOS. Written with the `plist` library; its UUIDs come from the
 * authority's fingerprint, so downloading it twice gives the same profile.
 */
import { build } from 'plist';

export const APPLE_PROFILE_TYPE = 'application/x-apple-aspen-config';

/** A UUID-shaped id from hex digits (the fingerprint), stable for one authority. */
function uuidFrom(hex: string, variant: string): string {
  const h = (variant + hex.replace(/[^0-9a-f]/gi, '')).toUpperCase().padEnd(32, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function appleProfile(opts: {
  readonly storeId: string;
  readonly storeName: string;
  readonly caDer: Uint8Array;
  readonly caFingerprint: string;
}): string {
  const id = opts.storeId.replace(/[^A-Za-z0-9.-]/g, '-');
  return build({
    PayloadContent: [
      {
        PayloadCertificateFileName: 'nextup-store-ca.cer',
        PayloadContent: Buffer.from(opts.caDer),
        PayloadDescription: `Trusts the certificates of the Nextup hub of ${opts.storeName}`,
        PayloadDisplayName: `Nextup store authority: ${opts.storeName}`,
        PayloadIdentifier: `org.nextup.store.${id}.authority`,
        PayloadType: 'com.apple.security.root',
        PayloadUUID: uuidFrom(opts.caFingerprint, 'A'),
        PayloadVersion: 1,
      },
    ],
    PayloadDisplayName: `Nextup: ${opts.storeName}`,
    PayloadIdentifier: `org.nextup.store.${id}`,
    PayloadRemovalDisallowed: false,
    PayloadType: 'Configuration',
    PayloadUUID: uuidFrom(opts.caFingerprint, 'B'),
    PayloadVersion: 1,
  });
}
