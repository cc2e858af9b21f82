import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { resolveFromRepo } from './paths.ts';
import { STORE_SCHEMA, type StoreConfigFile } from './store-schema.ts';

export type { StoreConfigFile } from './store-schema.ts';

/** The schema as JSON for editors, whichever config directory is loaded (STORE_SCHEMA's copy). */
export const SCHEMA_FILE = resolveFromRepo('kiosk-config/store.schema.json');

let compiled: ValidateFunction<StoreConfigFile> | undefined;

function validator(): ValidateFunction<StoreConfigFile> {
  if (!compiled) {
    // verbose: errors carry the offending data and schema, for messages that say what was found.
    const ajv = new Ajv({ allErrors: true, useDefaults: true, verbose: true, strict: true });
    // the schema checks the file as written; with the defaults it fills in, a StoreConfigFile
    compiled = ajv.compile(STORE_SCHEMA) as unknown as ValidateFunction<StoreConfigFile>;
  }
  return compiled;
}

export type SchemaResult =
  | { readonly ok: true; readonly value: StoreConfigFile }
  | { readonly ok: false; readonly problems: string[] };

/** Checks the shape and fills defaults in place; problems read "field.path: what is wrong". */
export function validateShape(data: unknown): SchemaResult {
  const validate = validator();
  if (validate(data)) return { ok: true, value: data };
  const problems = (validate.errors ?? []).map(describeError);
  return { ok: false, problems: [...new Set(problems)] };
}

const PATTERN_TEXT: Record<string, string> = {
  '^[A-Z]$': 'must be a single capital letter',
  '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$':
    'must be 1 to 64 letters, digits, "-" or "_", starting with a letter or digit',
  '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$': 'must be a language tag like "en" or "pt-BR"',
  '^(wss?://.+)?$': 'must be empty or a ws:// or wss:// URL',
  '^(https?://[^\\s]+)?$': 'must be empty or an http:// or https:// URL',
  '^[0-9a-f]{64}$': 'must be 64 lower-case hex digits (a SHA-256, see README)',
  '^#[0-9a-fA-F]{6}$': 'must be a colour like "#1a2b3c"',
  '^data:image/(png|jpeg|webp|gif|svg\\+xml);base64,[A-Za-z0-9+/]+={0,2}$':
    'must be a PNG, JPEG, WebP, GIF or SVG image as a base64 data: URL',
};

const TYPE_TEXT: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** "/services/2/prefix" -> "services[2].prefix" */
export function pointerToPath(pointer: string, extra?: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  let out = '';
  for (const part of parts) {
    if (/^\d+$/.test(part)) out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out || '(top level)';
}

/** One Ajv error as "field.path: what is wrong (got …)", for every JSON file we check. */
export function describeError(e: ErrorObject): string {
  const got = `(got ${show(e.data)})`;
  const params = e.params as Record<string, unknown>;
  const at = (extra?: string) => pointerToPath(e.instancePath, extra);
  switch (e.keyword) {
    case 'required':
      return `${at(String(params.missingProperty))}: is required`;
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      if (e.schemaPath.includes('/localizedText/') || e.schemaPath.includes('/tipText/')) {
        return `${at(name)}: "${name}" is not a language tag like "en" or "pt-BR"`;
      }
      const parent = e.parentSchema as { properties?: Record<string, unknown> } | undefined;
      const allowed = Object.keys(parent?.properties ?? {}).filter((k) => k !== '$schema');
      return `${at(name)}: unknown field${allowed.length ? ` (expected one of: ${allowed.join(', ')})` : ''}`;
    }
    case 'type':
      return `${at()}: must be ${TYPE_TEXT[String(params.type)] ?? String(params.type)} ${got}`;
    case 'pattern':
      return `${at()}: ${PATTERN_TEXT[String(params.pattern)] ?? `must match ${String(params.pattern)}`} ${got}`;
    case 'minimum':
      return `${at()}: must be at least ${String(params.limit)} ${got}`;
    case 'maximum':
      return `${at()}: must be at most ${String(params.limit)} ${got}`;
    case 'exclusiveMinimum':
      return `${at()}: must be greater than ${String(params.limit)} ${got}`;
    case 'minLength':
    case 'minProperties':
      return `${at()}: must not be empty`;
    case 'maxLength':
      return `${at()}: must be at most ${String(params.limit)} characters long`;
    case 'maxItems':
      return `${at()}: must list at most ${String(params.limit)} items`;
    case 'minItems':
      return Number(params.limit) === 1
        ? `${at()}: must not be empty`
        : `${at()}: must list at least ${String(params.limit)} items`;
    case 'uniqueItems':
      return `${at()}: lists ${show(Array.isArray(e.data) ? e.data[Number(params.j)] : undefined)} twice`;
    case 'enum':
      return `${at()}: must be one of ${(params.allowedValues as unknown[]).map((v) => show(v)).join(', ')} ${got}`;
    default:
      return `${at()}: ${e.message ?? 'is invalid'}`;
  }
}
