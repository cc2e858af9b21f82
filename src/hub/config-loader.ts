import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { StoreConfig } from '../domain/config/types.ts';
import { semanticProblems } from './config-checks.ts';
import { validateShape, type StoreConfigFile } from './config-schema.ts';
import { locateJsonError } from './json-errors.ts';
import { displayPath, resolveFromRepo } from './paths.ts';

export const DEFAULT_CONFIG_DIR = resolveFromRepo('kiosk-config');
export const CONFIG_FILE_NAME = 'store.json';

/** An invalid or unreadable config; each problem names the file, the field and what is wrong. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file}: invalid store configuration\n${problems.join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** A directory means its store.json; a file is taken as is. */
export async function configFilePath(dirOrFile: string): Promise<string> {
  const abs = path.resolve(dirOrFile);
  const isDir = await stat(abs).then(
    (s) => s.isDirectory(),
    () => !abs.endsWith('.json'),
  );
  return isDir ? path.join(abs, CONFIG_FILE_NAME) : abs;
}

/** Reads, parses and checks the store config. Throws ConfigError. */
export async function loadStoreConfig(
  dirOrFile: string = DEFAULT_CONFIG_DIR,
): Promise<StoreConfig> {
  const file = await configFilePath(dirOrFile);
  const label = displayPath(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? String(e)})`;
    throw inFile(label, [why]);
  }
  return parseStoreConfig(text, label);
}

/** Parses and checks config text; `label` is the file name used in messages. Throws ConfigError. */
export function parseStoreConfig(text: string, label: string): StoreConfig {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a BOM some editors add
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    const where = locateJsonError(body);
    const problem = where
      ? `invalid JSON at line ${where.line}, column ${where.column}: ${where.message}`
      : `invalid JSON: ${(e as Error).message}`;
    throw inFile(label, [problem]);
  }
  return checkStoreConfig(data, label);
}

/**
 * Checks parsed config data with the schema (filling its defaults in `data`) and the
 * cross-checks: the one gate for the file at start and for the manager's settings. Throws
 * ConfigError; returns the config frozen.
 */
export function checkStoreConfig(data: unknown, label: string): StoreConfig {
  const shape = validateShape(data);
  if (!shape.ok) throw inFile(label, shape.problems);
  const config = withoutEditorHint(shape.value);
  const problems = semanticProblems(config);
  if (problems.length > 0) throw inFile(label, problems);
  return deepFreeze(config);
}

function inFile(label: string, problems: readonly string[]): ConfigError {
  return new ConfigError(
    label,
    problems.map((p) => `${label}: ${p}`),
  );
}

function withoutEditorHint({ $schema: _hint, ...config }: StoreConfigFile): StoreConfig {
  return config;
}

// The same config object is shared by the HTTP API and the agent: nobody may change it.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
