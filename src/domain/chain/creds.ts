/**
 * A chain credentials file (`--chain-creds`, written by `nextup chain add-store` and
 * `nextup chain add-user`): who connects to the chain's cluster, with which NKey seed, trusting
 * which certificate authority. The seed is the only secret; the cluster knows only its public key.
 */

export interface ChainCreds {
  /** `store` for a store's hub, `service` for the chain service, `reader` for read-only tools. */
  readonly kind: 'store' | 'service' | 'reader';
  /** The user's name: the store id for a store. */
  readonly name: string;
  /** The NKey user seed (`SU…`). */
  readonly seed: string;
  /** The chain's certificate authority (PEM), when the cluster speaks TLS. */
  readonly caPem?: string;
  /** A reader's password on the cluster's MQTT gateway (user name: `name`). */
  readonly mqttPassword?: string;
}

/** Parse a credentials file's text; the error names the file and what is wrong. */
export function parseChainCreds(text: string, file: string): ChainCreds {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file}: not JSON (${(err as Error).message})`, { cause: err });
  }
  if (typeof raw !== 'object' || raw === null) throw new Error(`${file}: not a JSON object`);
  const o = raw as Record<string, unknown>;
  const kind = o.kind;
  if (kind !== 'store' && kind !== 'service' && kind !== 'reader')
    throw new Error(`${file}: "kind" must be "store", "service" or "reader"`);
  if (typeof o.name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(o.name))
    throw new Error(`${file}: "name" must be an id (letters, digits, - and _)`);
  if (typeof o.seed !== 'string' || !/^SU[A-Z2-7]{56}$/.test(o.seed))
    throw new Error(`${file}: "seed" must be an NKey user seed (SU…, 58 characters)`);
  if (o.caPem !== undefined && (typeof o.caPem !== 'string' || !o.caPem.includes('BEGIN')))
    throw new Error(`${file}: "caPem" must be a PEM certificate`);
  if (
    o.mqttPassword !== undefined &&
    (typeof o.mqttPassword !== 'string' || o.mqttPassword.length < 16)
  )
    throw new Error(`${file}: "mqttPassword" must be a string of at least 16 characters`);
  return {
    kind,
    name: o.name,
    seed: o.seed,
    ...(o.caPem ? { caPem: o.caPem } : {}),
    ...(o.mqttPassword ? { mqttPassword: o.mqttPassword } : {}),
  };
}
