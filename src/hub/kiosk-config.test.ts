import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG_DIR, parseStoreConfig } from './config-loader.ts';

/** The customer-facing parts of kiosk-config: languages, priority, rate limit, print, PIN. */
const DEFAULT_TEXT = readFileSync(path.join(DEFAULT_CONFIG_DIR, 'store.json'), 'utf8');
const FILE = 'kiosk-config/store.json';

type Json = {
  store: Record<string, unknown>;
  services: Record<string, unknown>[];
  kiosk: Record<string, unknown>;
} & Record<string, unknown>;

function problemsAfter(edit: (cfg: Json) => void): string[] {
  const cfg = JSON.parse(DEFAULT_TEXT) as Json;
  edit(cfg);
  try {
    parseStoreConfig(JSON.stringify(cfg), FILE);
  } catch (err) {
    if (err instanceof ConfigError) return [...err.problems];
    throw err;
  }
  return [];
}

describe('kiosk configuration', () => {
  it('ships six customer languages, priority services, a rate limit and a PIN', () => {
    const cfg = parseStoreConfig(DEFAULT_TEXT, FILE);
    expect(cfg.store.customerLanguages).toEqual(['en', 'pl', 'hu', 'ru', 'hi', 'ar']);
    expect(cfg.services.filter((s) => s.allowPriority).map((s) => s.id)).toEqual([
      'advice',
      'returns',
    ]);
    expect(cfg.kiosk.rateLimit).toEqual({ maxTickets: 4, windowSec: 60 });
    expect(cfg.kiosk.managerPin?.iterations).toBe(10_000);
  });

  it('fills the defaults for an older file', () => {
    const cfg = JSON.parse(DEFAULT_TEXT) as Json;
    cfg.kiosk = { idleResetSec: 30 };
    for (const s of cfg.services) delete s.allowPriority;
    const loaded = parseStoreConfig(JSON.stringify(cfg), FILE);
    expect(loaded.kiosk).toEqual({
      idleResetSec: 30,
      rateLimit: { maxTickets: 4, windowSec: 60 },
      publicUrl: '',
      printing: 'button',
    });
    expect(loaded.services.every((s) => s.allowPriority === false)).toBe(true);
  });

  it('explains a wrong value in each new field', () => {
    expect(
      problemsAfter((c) => {
        c.kiosk.rateLimit = { maxTickets: 0, windowSec: 60 };
        c.kiosk.publicUrl = 'ftp://hub';
        c.kiosk.printing = 'always';
        c.kiosk.managerPin = { salt: 's', iterations: 1, sha256: 'ABC' };
        c.services[0]!.allowPriority = 'yes';
      }),
    ).toEqual([
      `${FILE}: services[0].allowPriority: must be true or false (got "yes")`,
      `${FILE}: kiosk.rateLimit.maxTickets: must be at least 1 (got 0)`,
      `${FILE}: kiosk.publicUrl: must be empty or an http:// or https:// URL (got "ftp://hub")`,
      `${FILE}: kiosk.printing: must be one of "none", "button", "auto" (got "always")`,
      `${FILE}: kiosk.managerPin.sha256: must be 64 lower-case hex digits (a SHA-256, see README) (got "ABC")`,
    ]);
  });

  it('needs the default language among the customer languages', () => {
    expect(problemsAfter((c) => (c.store.customerLanguages = ['pl', 'ar']))).toContain(
      `${FILE}: store.customerLanguages: must include the default language "en" (got pl, ar)`,
    );
  });

  it('accepts names in customer languages and refuses other languages', () => {
    const problems = problemsAfter((c) => {
      c.services[0]!.name = { en: 'Advice', ar: 'استشارة', de: 'Beratung' };
      c.kiosk.receipt = { header: { en: 'Hi', fr: 'Salut' } };
    });
    expect(problems).toEqual([
      `${FILE}: services[0].name.de: language "de" is not in store.languages or store.customerLanguages (en, pl, hu, ru, hi, ar)`,
      `${FILE}: kiosk.receipt.header.fr: language "fr" is not in store.languages or store.customerLanguages (en, pl, hu, ru, hi, ar)`,
    ]);
  });
});
