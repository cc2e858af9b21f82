import { allowedFilters, type Identity } from './roles.ts';

/** A device as the Mosquitto files need it: identity, password hash, still allowed or not. */
export interface MosquittoUser extends Identity {
  /** Mosquitto's "$7$" PBKDF2-SHA512 hash. */
  readonly hash: string;
  readonly revoked: boolean;
}

export interface MosquittoFiles {
  readonly passwordFile: string;
  readonly aclFile: string;
  /** Lines for mosquitto.conf naming both files and the size caps. */
  readonly conf: string;
}

const SAFE_USER = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * password_file and acl_file from the same role table the embedded broker enforces.
 * Revoked devices are left out of both, so Mosquitto refuses them after a reload (SIGHUP).
 * Mosquitto's `pattern` rules apply to every user alike, and rights here differ by role,
 * so each device gets a `user` block with its own id and ticket filled in (what `pattern`
 * with %u would give, but per role).
 */
export function mosquittoFiles(
  users: readonly MosquittoUser[],
  prefix: string,
  dir: string,
  limits: { readonly maxPayloadBytes: number; readonly maxPacketBytes: number },
): MosquittoFiles {
  const active = users.filter((u) => !u.revoked && SAFE_USER.test(u.device));
  const passwordFile = active.map((u) => `${u.device}:${u.hash}\n`).join('');
  const acl: string[] = [
    '# Written by `npx nextup mosquitto-config` from src/domain/security/roles.ts; do not edit.',
    '# Anonymous clients get no topic at all (allow_anonymous false in the conf).',
    '',
  ];
  for (const u of active) {
    const pub = new Set(allowedFilters(u, 'publish', prefix));
    const sub = new Set(allowedFilters(u, 'subscribe', prefix));
    acl.push(`# ${u.role}`, `user ${u.device}`);
    for (const t of pub) acl.push(`topic ${sub.has(t) ? 'readwrite' : 'write'} ${t}`);
    for (const t of sub) if (!pub.has(t)) acl.push(`topic read ${t}`);
    acl.push('');
  }
  const conf = [
    'allow_anonymous false',
    `password_file ${dir}/password_file`,
    `acl_file ${dir}/acl_file`,
    `message_size_limit ${limits.maxPayloadBytes}`,
    // without it Mosquitto allocates whatever a CONNECT announces before anyone logged in
    // (16 CONNECTs announcing 255 MB: 3 GB); with it the fifth byte closes the socket
    `max_packet_size ${limits.maxPacketBytes}`,
    // a message of several TCP segments goes out whole, not after the client's delayed ACK
    // (~40 ms each; as the embedded broker, src/hub/broker.ts)
    'set_tcp_nodelay true',
    '',
  ].join('\n');
  return { passwordFile, aclFile: acl.join('\n'), conf };
}
