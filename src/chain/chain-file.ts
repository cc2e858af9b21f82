/**
 * The chain file (`chain.json`): the chain's stores (id, name, region, time zone) and the
 * public NKeys of every user of the cluster, the one source of the cluster's permissions
 * (auth-config.ts). Checked with a JSON Schema bound to its type, like kiosk-config, and
 * errors name the file, the field and what is wrong.
 */
import { readFile } from 'node:fs/promises';
import { Ajv, type JSONSchemaType, type ValidateFunction } from 'ajv';
import { isKnownTimeZone } from '../domain/clock/zone-offset.ts';
import { describeError, show } from '../hub/config-schema.ts';
import { locateJsonError } from '../hub/json-errors.ts';
import { resolveFromRepo } from '../hub/paths.ts';

export interface ChainStore {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  readonly timeZone: string;
  /** The store user's public NKey (U…); its seed is in the store's credentials file only. */
  readonly nkey: string;
}

export interface ChainUser {
  readonly name: string;
  /** service: runs the chain service (administers the streams); reader: only reads. */
  readonly kind: 'service' | 'reader';
  readonly nkey: string;
  /** A reader's password for the cluster's MQTT gateway (bcrypt; MQTT has no NKeys). */
  readonly mqttPasswordHash?: string;
}

export interface ChainFile {
  readonly $schema?: string;
  readonly chain: { readonly id: string; readonly name: string };
  readonly stores: readonly ChainStore[];
  readonly users: readonly ChainUser[];
}

/** The schema as JSON for editors (CHAIN_SCHEMA's copy, checked by chain-file.test.ts). */
export const CHAIN_SCHEMA_FILE = resolveFromRepo('kiosk-config/chain.schema.json');

const ID = '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$';
const NKEY = '^U[A-Z2-7]{55}$';
const BCRYPT = '^\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}$';

export const CHAIN_SCHEMA: JSONSchemaType<ChainFile> = {
  $id: 'https://nextup.example/schemas/chain.schema.json',
  title: 'Nextup chain of stores',
  type: 'object',
  required: ['chain', 'stores', 'users'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', nullable: true },
    chain: {
      type: 'object',
      required: ['id', 'name'],
      additionalProperties: false,
      properties: {
        id: { type: 'string', pattern: ID, description: 'The chain id.' },
        name: { type: 'string', minLength: 1, description: 'The chain name shown to managers.' },
      },
    },
    stores: {
      type: 'array',
      description: 'Every store of the chain; `nextup chain add-store` adds one.',
      items: {
        type: 'object',
        required: ['id', 'name', 'region', 'timeZone', 'nkey'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', pattern: ID, description: "The store's id in its kiosk-config." },
          name: { type: 'string', minLength: 1 },
          region: { type: 'string', minLength: 1, description: 'For sorting and filtering.' },
          timeZone: {
            type: 'string',
            minLength: 1,
            description: 'IANA time zone, e.g. Europe/Warsaw.',
          },
          nkey: { type: 'string', pattern: NKEY, description: "The store user's public NKey." },
        },
      },
    },
    users: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'kind', 'nkey'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', pattern: ID },
          kind: { type: 'string', enum: ['service', 'reader'] },
          nkey: { type: 'string', pattern: NKEY },
          mqttPasswordHash: {
            type: 'string',
            pattern: BCRYPT,
            nullable: true,
            description: "A reader's MQTT password, bcrypt-hashed (nextup chain add-user --mqtt).",
          },
        },
      },
    },
  },
};

/** A chain file that cannot be used; each problem names the file and the field. */
export class ChainFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file}: invalid chain file\n${problems.map((p) => `${file}: ${p}`).join('\n')}`);
    this.name = 'ChainFileError';
  }
}

let compiled: ValidateFunction<ChainFile> | undefined;

function semanticProblems(chain: ChainFile): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  chain.stores.forEach((s, i) => {
    if (seen.has(s.id)) problems.push(`stores[${i}].id: store ${show(s.id)} is listed twice`);
    seen.add(s.id);
    if (!isKnownTimeZone(s.timeZone))
      problems.push(
        `stores[${i}].timeZone: is not a known time zone, e.g. "Europe/Warsaw" (got ${show(s.timeZone)})`,
      );
  });
  const names = new Set<string>();
  chain.users.forEach((u, i) => {
    if (names.has(u.name)) problems.push(`users[${i}].name: user ${show(u.name)} is listed twice`);
    names.add(u.name);
  });
  const keys = new Set<string>();
  [...chain.stores, ...chain.users].forEach((k) => {
    if (keys.has(k.nkey)) problems.push(`nkey ${show(k.nkey)} belongs to two users`);
    keys.add(k.nkey);
  });
  return problems;
}

/** Checks parsed chain data; throws ChainFileError naming `file`. */
export function checkChainFile(data: unknown, file: string): ChainFile {
  compiled ??= new Ajv({ allErrors: true, verbose: true, strict: true }).compile(CHAIN_SCHEMA);
  if (!compiled(data))
    throw new ChainFileError(file, [...new Set((compiled.errors ?? []).map(describeError))]);
  const problems = semanticProblems(data);
  if (problems.length > 0) throw new ChainFileError(file, problems);
  return data;
}

export function parseChainFile(text: string, file: string): ChainFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const where = locateJsonError(text);
    throw new ChainFileError(file, [
      where
        ? `invalid JSON at line ${where.line}, column ${where.column}: ${where.message}`
        : `invalid JSON: ${(err as Error).message}`,
    ]);
  }
  return checkChainFile(data, file);
}

export async function loadChainFile(file: string): Promise<ChainFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ChainFileError(file, [
      code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? String(err)})`,
    ]);
  }
  return parseChainFile(text, file);
}
