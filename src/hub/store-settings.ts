import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  PIN_ITERATIONS,
  RESTART_SECTIONS,
  changedSections,
  describeProblem,
  settingsProblems,
  withSettings,
  type LiveSection,
  type SettingsChange,
} from '../domain/config/settings.ts';
import type { StoreConfig } from '../domain/config/types.ts';
import { pinConfig } from '../domain/kiosk/pin.ts';
import { ConfigError, checkStoreConfig } from './config-loader.ts';
import { writeConfigFile } from './config-writer.ts';
import { displayPath } from './paths.ts';

/** The store config as it is now: the manager's settings change it while the hub runs. */
export interface LiveConfig {
  current(): StoreConfig;
  /** Changes with the config; devices compare it to know theirs is out of date. */
  version(): string;
  /** Called after each change is written and in force. */
  onChange(listener: (config: StoreConfig, version: string) => void): void;
}

export type SettingsOutcome =
  | { readonly ok: true; readonly sections: readonly LiveSection[] }
  | {
      readonly ok: false;
      /** 400: a field is wrong; 409: written on an older version or needs a restart. */
      readonly status: 400 | 409;
      readonly error: string;
      /** "field.path: what is wrong", one per problem. */
      readonly problems: readonly string[];
    };

export interface StoreSettings extends LiveConfig {
  /** Checks, writes (atomically, the old file kept) and applies one change. */
  change(change: SettingsChange): Promise<SettingsOutcome>;
}

export function configVersion(config: StoreConfig): string {
  return createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 16);
}

/** A new PIN as the config stores it: a fresh random salt, the usual iterations. */
function hashNewPin(pin: string) {
  return pinConfig(pin, randomBytes(8).toString('hex'), PIN_ITERATIONS);
}

/** `file`: the store.json the hub loaded `initial` from. */
export function createStoreSettings(file: string, initial: StoreConfig): StoreSettings {
  let config = initial;
  let version = configVersion(initial);
  const listeners: ((config: StoreConfig, version: string) => void)[] = [];
  // one change at a time: each reads the file the previous one wrote
  let queue: Promise<unknown> = Promise.resolve();

  async function apply(change: SettingsChange): Promise<SettingsOutcome> {
    if (change.version !== undefined && change.version !== version) {
      return refused(409, 'the settings were changed meanwhile: reload them and try again');
    }
    const rules = settingsProblems(
      change,
      (config.staff ?? []).map((m) => m.id),
    ).map(describeProblem);
    if (rules.length > 0) return refused(400, rules[0]!, rules);

    const raw = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    const next = withSettings(raw, change, hashNewPin);
    let checked: StoreConfig;
    try {
      // the loader's own gate; on a copy, as it fills the schema's defaults in
      checked = checkStoreConfig(structuredClone(next), displayPath(file));
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      const problems = err.problems.map((p) => p.slice(err.file.length + 2));
      return refused(400, problems[0] ?? 'invalid settings', problems);
    }
    const moved = RESTART_SECTIONS.filter(
      (s) => JSON.stringify(checked[s]) !== JSON.stringify(config[s]),
    );
    if (moved.length > 0) {
      return refused(
        409,
        `${displayPath(file)} was edited by hand in ${moved.join(' and ')}: that needs a restart of the hub before settings can be saved`,
      );
    }
    await writeConfigFile(file, `${JSON.stringify(next, null, 2)}\n`);
    config = checked;
    version = configVersion(checked);
    for (const l of listeners) l(config, version);
    return { ok: true, sections: changedSections(change) };
  }

  return {
    current: () => config,
    version: () => version,
    onChange(listener) {
      listeners.push(listener);
    },
    change(change) {
      const run = queue.then(() => apply(change));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

function refused(
  status: 400 | 409,
  error: string,
  problems: readonly string[] = [error],
): SettingsOutcome {
  return { ok: false, status, error, problems };
}
