import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEFAULT_CONFIG_DIR,
  loadStoreConfig,
  parseStoreConfig,
} from './config-loader.ts';
import { DIFFICULT_CUSTOMERS } from '../domain/visit/tips.ts';
import { VISIT_STEPS } from '../domain/visit/types.ts';
import { SCHEMA_FILE } from './config-schema.ts';
import { tempDir } from './hub-testing.ts';

const DEFAULT_TEXT = readFileSync(path.join(DEFAULT_CONFIG_DIR, 'store.json'), 'utf8');
const FILE = 'kiosk-config/store.json';

type Json = Record<string, unknown> & {
  store: Record<string, unknown>;
  services: Record<string, unknown>[];
  counters: (Record<string, unknown> & { services: string[] })[];
  kiosks: (Record<string, unknown> & { range: { from: number; to: number } })[];
  mqtt: Record<string, unknown>;
  kiosk: Record<string, unknown>;
  visit: {
    recheckAfterSec?: unknown;
    tips: {
      scripts: Record<string, Record<string, string>>;
      steps: Record<string, Record<string, string>[]>;
      difficult: Record<string, Record<string, string>[]>;
    } & Record<string, unknown>;
  } & Record<string, unknown>;
};

/** The default store, changed by `edit`, as the list of problems the loader reports. */
function problemsAfter(edit: (cfg: Json) => void): string[] {
  const cfg = JSON.parse(DEFAULT_TEXT) as Json;
  edit(cfg);
  return problemsOf(JSON.stringify(cfg, null, 2));
}

function problemsOf(text: string): string[] {
  try {
    parseStoreConfig(text, FILE);
  } catch (err) {
    if (err instanceof ConfigError) return [...err.problems];
    throw err;
  }
  return [];
}

describe('the default store configuration', () => {
  it('loads as the demo store', async () => {
    const cfg = await loadStoreConfig();
    expect(cfg.store).toMatchObject({
      id: 'store-001',
      timeZone: 'Europe/Warsaw',
      defaultLanguage: 'en',
      languages: ['en', 'pl'],
    });
    expect(cfg.services.map((s) => s.prefix)).toEqual(['A', 'R', 'P', 'C']);
    expect(cfg.counters).toHaveLength(4);
    expect(cfg.kiosks.map((k) => [k.id, k.range.from, k.range.to])).toEqual([
      ['kiosk-1', 1, 499],
      ['kiosk-2', 500, 999],
    ]);
    expect(cfg.mqtt).toEqual({ topicPrefix: 'nextup/v1', browserUrl: '', homeAssistant: false });
    expect(cfg.kiosk.idleResetSec).toBe(20);
    expect(cfg).not.toHaveProperty('$schema');
  });

  it('is frozen, so no consumer can change what the others see', async () => {
    const cfg = await loadStoreConfig();
    expect(Object.isFrozen(cfg.services[0]?.name)).toBe(true);
  });

  it('fills in the defaults of the optional sections', () => {
    const cfg = JSON.parse(DEFAULT_TEXT) as Json;
    delete (cfg as Partial<Json>).mqtt;
    delete (cfg as Partial<Json>).kiosk;
    const loaded = parseStoreConfig(JSON.stringify(cfg), FILE);
    expect(loaded.mqtt).toEqual({ topicPrefix: 'nextup/v1', browserUrl: '', homeAssistant: false });
    expect(loaded.kiosk).toEqual({
      idleResetSec: 20,
      rateLimit: { maxTickets: 4, windowSec: 60 },
      publicUrl: '',
      printing: 'button',
    });
  });
});

describe('reading the file', () => {
  const dir = tempDir('config');
  afterAll(() => dir.remove());

  it('takes a directory to mean its store.json', async () => {
    writeFileSync(path.join(dir.path, 'store.json'), DEFAULT_TEXT);
    await expect(loadStoreConfig(dir.path)).resolves.toMatchObject({ store: { id: 'store-001' } });
  });

  it('says when the file is missing', async () => {
    const missing = path.join(dir.path, 'nowhere');
    await expect(loadStoreConfig(missing)).rejects.toThrow(
      /nowhere[/\\]store\.json: file not found/,
    );
  });

  it('accepts a byte order mark', () => {
    expect(problemsOf(`\uFEFF${DEFAULT_TEXT}`)).toEqual([]);
  });
});

describe('broken JSON', () => {
  it('names the line and column of a missing comma', () => {
    const text = DEFAULT_TEXT.replace('"id": "store-001",', '"id": "store-001"');
    const line = DEFAULT_TEXT.split('\n').findIndex((l) => l.includes('"name": {')) + 1;
    expect(problemsOf(text)).toEqual([
      `${FILE}: invalid JSON at line ${line}, column 5: missing "," before this property`,
    ]);
  });

  it('names a trailing comma', () => {
    expect(problemsOf('{\n  "a": 1,\n}')).toEqual([
      `${FILE}: invalid JSON at line 3, column 1: trailing comma before "}"`,
    ]);
  });

  it('names single quotes and an unterminated file', () => {
    expect(problemsOf("{ 'a': 1 }")[0]).toBe(
      `${FILE}: invalid JSON at line 1, column 3: expected a property name in double quotes but found '''`,
    );
    expect(problemsOf('{ "a": [1, 2')[0]).toBe(
      `${FILE}: invalid JSON at line 1, column 13: expected "," or "]" after an array item but found the end of the file`,
    );
  });
});

describe('schema checks', () => {
  it('names a missing field', () => {
    expect(problemsAfter((c) => delete c.store.timeZone)).toEqual([
      `${FILE}: store.timeZone: is required`,
    ]);
  });

  it('names a field of the wrong type with what was found', () => {
    expect(problemsAfter((c) => (c.services[1]!.targetWaitSec = '600'))).toEqual([
      `${FILE}: services[1].targetWaitSec: must be a number (got "600")`,
    ]);
  });

  it('explains a bad prefix in words', () => {
    expect(problemsAfter((c) => (c.services[2]!.prefix = 'aa'))).toEqual([
      `${FILE}: services[2].prefix: must be a single capital letter (got "aa")`,
    ]);
  });

  it('refuses unknown fields, listing the known ones', () => {
    expect(problemsAfter((c) => (c.services[0]!.colour = 'red'))).toEqual([
      `${FILE}: services[0].colour: unknown field (expected one of: id, prefix, name, targetWaitSec, avgServiceSec, allowPriority, hours, dailyCap, alertAtPlace, remote, booking)`,
    ]);
  });

  it('refuses a wait that is not positive', () => {
    expect(problemsAfter((c) => (c.services[0]!.avgServiceSec = 0))).toEqual([
      `${FILE}: services[0].avgServiceSec: must be greater than 0 (got 0)`,
    ]);
  });

  it('keeps ticket numbers within 1..999999', () => {
    expect(
      problemsAfter((c) => {
        c.kiosks[0]!.range.from = 0;
        c.kiosks[1]!.range.to = 1_000_000;
      }),
    ).toEqual([
      `${FILE}: kiosks[0].range.from: must be at least 1 (got 0)`,
      `${FILE}: kiosks[1].range.to: must be at most 999999 (got 1000000)`,
    ]);
  });

  it('reports every problem at once', () => {
    const problems = problemsAfter((c) => {
      delete c.store.name;
      c.counters[0]!.services = [];
      c.kiosk.idleResetSec = 'soon';
    });
    expect(problems).toEqual([
      `${FILE}: store.name: is required`,
      `${FILE}: counters[0].services: must not be empty`,
      `${FILE}: kiosk.idleResetSec: must be a whole number (got "soon")`,
    ]);
  });

  it('names a language key that is not a language tag', () => {
    expect(problemsAfter((c) => (c.store.name = { en: 'Shop', English: 'Shop' }))).toEqual([
      `${FILE}: store.name.English: "English" is not a language tag like "en" or "pt-BR"`,
    ]);
  });
});

describe('semantic checks', () => {
  it('refuses duplicate ids in each list', () => {
    expect(
      problemsAfter((c) => {
        c.counters[3]!.id = 'counter-1';
        c.kiosks[1]!.id = 'kiosk-1';
      }),
    ).toEqual([
      `${FILE}: counters[3].id: "counter-1" is already used by counters[0]`,
      `${FILE}: kiosks[1].id: "kiosk-1" is already used by kiosks[0]`,
    ]);
  });

  it('refuses a duplicate service id', () => {
    expect(problemsAfter((c) => (c.services[3]!.id = 'advice'))).toEqual([
      `${FILE}: services[3].id: "advice" is already used by services[0]`,
      // the counters that served "checkout" now point nowhere
      `${FILE}: counters[0].services[1]: no service has id "checkout" (known: advice, returns, pickup)`,
      `${FILE}: counters[3].services[1]: no service has id "checkout" (known: advice, returns, pickup)`,
    ]);
  });

  it('refuses two services with one prefix', () => {
    expect(problemsAfter((c) => (c.services[3]!.prefix = 'A'))).toEqual([
      `${FILE}: services[3].prefix: "A" is already used by services[0]`,
    ]);
  });

  it('refuses a counter serving an unknown service', () => {
    expect(problemsAfter((c) => (c.counters[1]!.services = ['advice', 'retruns']))).toEqual([
      `${FILE}: counters[1].services[1]: no service has id "retruns" (known: advice, returns, pickup, checkout)`,
    ]);
  });

  it('refuses a service no counter serves', () => {
    expect(
      problemsAfter((c) => {
        c.counters[1]!.services = ['advice'];
        c.counters[2]!.services = ['pickup'];
      }),
    ).toEqual([`${FILE}: services[1]: no counter serves "returns"`]);
  });

  it('refuses a range that runs backwards', () => {
    expect(problemsAfter((c) => (c.kiosks[1]!.range = { from: 999, to: 500 }))).toEqual([
      `${FILE}: kiosks[1].range: "from" must not be greater than "to" (got 999..500)`,
    ]);
  });

  it('refuses overlapping kiosk ranges', () => {
    expect(problemsAfter((c) => (c.kiosks[1]!.range.from = 400))).toEqual([
      `${FILE}: kiosks[1].range: 400..999 overlaps kiosks[0].range 1..499 (two kiosks could issue the same number)`,
    ]);
  });

  it('accepts ranges that touch without overlapping', () => {
    expect(problemsAfter((c) => (c.kiosks[1]!.range = { from: 500, to: 500 }))).toEqual([]);
  });

  it('refuses a default language that is not listed, once', () => {
    expect(problemsAfter((c) => (c.store.defaultLanguage = 'de'))).toEqual([
      `${FILE}: store.defaultLanguage: "de" is not in store.languages (en, pl)`,
    ]);
  });

  it('refuses a text without the default language, and a language not listed', () => {
    expect(
      problemsAfter((c) => (c.counters[2]!.name = { pl: 'Stanowisko 3', de: 'Schalter 3' })),
    ).toEqual([
      `${FILE}: counters[2].name: has no text in the default language "en"`,
      `${FILE}: counters[2].name.de: language "de" is not in store.languages or store.customerLanguages (en, pl, hu, ru, hi, ar)`,
    ]);
  });

  it('refuses an unknown time zone', () => {
    expect(problemsAfter((c) => (c.store.timeZone = 'Europe/Warsawa'))).toEqual([
      `${FILE}: store.timeZone: is not a known time zone, e.g. "Europe/Warsaw" (got "Europe/Warsawa")`,
    ]);
  });

  it.each([
    ['nextup/+/v1', 'must not contain the wildcards "+" or "#"'],
    ['nextup/#', 'must not contain the wildcards "+" or "#"'],
    ['/nextup', 'must not start or end with "/" or contain "//"'],
    ['nextup//v1', 'must not start or end with "/" or contain "//"'],
    ['$SYS/nextup', 'must not start with "$" (reserved for broker topics)'],
  ])('refuses the topic prefix %s', (prefix, why) => {
    expect(problemsAfter((c) => (c.mqtt.topicPrefix = prefix))).toEqual([
      `${FILE}: mqtt.topicPrefix: ${why} (got ${JSON.stringify(prefix)})`,
    ]);
  });

  it('accepts another topic prefix', () => {
    expect(problemsAfter((c) => (c.mqtt.topicPrefix = 'acme/queues/v1'))).toEqual([]);
  });
});

describe('the visit assistant section', () => {
  it('ships a re-check delay and tips in English and Polish', async () => {
    const cfg = await loadStoreConfig();
    expect(cfg.visit?.recheckAfterSec).toBe(180);
    expect(cfg.visit?.tips.scripts?.['browsing.reminderDue']).toEqual({
      en: 'Are you finding everything?',
      pl: 'Czy udaje się wszystko znaleźć?',
    });
    expect(cfg.visit?.tips.difficult?.knowItAll?.length).toBeGreaterThan(0);
  });

  it('is optional: a store without it gets the default delay and no tips', () => {
    const cfg = JSON.parse(DEFAULT_TEXT) as Partial<Json>;
    delete cfg.visit;
    const loaded = parseStoreConfig(JSON.stringify(cfg), FILE);
    expect(loaded.visit).toEqual({
      recheckAfterSec: 180,
      tips: { scripts: {}, steps: {}, difficult: {} },
    });
  });

  it('refuses unknown steps, kinds and fields, listing the known ones', () => {
    expect(
      problemsAfter((c) => {
        c.visit.tips.steps['greet'] = [{ en: 'Hi', pl: 'Cześć' }];
        c.visit.tips.difficult['grumpy'] = [];
        c.visit['recheck'] = 60;
      }),
    ).toEqual([
      `${FILE}: visit.recheck: unknown field (expected one of: recheckAfterSec, tips)`,
      `${FILE}: visit.tips.steps.greet: unknown field (expected one of: ${VISIT_STEPS.join(', ')})`,
      `${FILE}: visit.tips.difficult.grumpy: unknown field (expected one of: ${DIFFICULT_CUSTOMERS.join(', ')})`,
    ]);
  });

  it('keeps the re-check delay a whole number of seconds within an hour', () => {
    expect(problemsAfter((c) => (c.visit.recheckAfterSec = 0))).toEqual([
      `${FILE}: visit.recheckAfterSec: must be at least 1 (got 0)`,
    ]);
    expect(problemsAfter((c) => (c.visit.recheckAfterSec = 2.5))).toEqual([
      `${FILE}: visit.recheckAfterSec: must be a whole number (got 2.5)`,
    ]);
    expect(problemsAfter((c) => (c.visit.recheckAfterSec = 3601))).toEqual([
      `${FILE}: visit.recheckAfterSec: must be at most 3600 (got 3601)`,
    ]);
  });

  it('refuses a tip that is empty, too long, or keyed by something that is not a language', () => {
    expect(
      problemsAfter((c) => {
        c.visit.tips.scripts['greeting'] = { en: '', pl: 'Dzień dobry' };
        c.visit.tips.steps['assisting']![0] = { en: 'x'.repeat(501), pl: 'x' };
        c.visit.tips.steps['thanking']![0] = { en: 'Thanks', pl: 'Dzięki', Polish: 'Dzięki' };
      }),
    ).toEqual([
      `${FILE}: visit.tips.scripts.greeting.en: must not be empty`,
      `${FILE}: visit.tips.steps.assisting[0].en: must be at most 500 characters long`,
      `${FILE}: visit.tips.steps.thanking[0].Polish: "Polish" is not a language tag like "en" or "pt-BR"`,
    ]);
  });

  it('names every tip that lacks one of the store languages (missing translations)', () => {
    expect(
      problemsAfter((c) => {
        delete c.visit.tips.steps['greeting']![1]!['pl'];
        delete c.visit.tips.scripts['browsing.reminderDue']!['en'];
        c.visit.tips.difficult['rude']![2] = { en: 'Call a manager', de: 'Ruf den Chef' };
      }),
    ).toEqual([
      `${FILE}: visit.tips.steps.greeting[1]: has no text in "pl" (every tip needs each of store.languages: en, pl)`,
      `${FILE}: visit.tips.scripts["browsing.reminderDue"]: has no text in "en" (every tip needs each of store.languages: en, pl)`,
      `${FILE}: visit.tips.difficult.rude[2]: has no text in "pl" (every tip needs each of store.languages: en, pl)`,
      `${FILE}: visit.tips.difficult.rude[2].de: language "de" is not in store.languages (en, pl)`,
    ]);
  });

  it('accepts a store that writes tips for a few steps only, in its one language', () => {
    expect(
      problemsAfter((c) => {
        c.store.languages = ['en'];
        c.store.name = { en: 'Shop' };
        for (const list of [c.services, c.counters, c.kiosks]) {
          for (const item of list) item.name = { en: 'Name' };
        }
        c.visit.tips = {
          scripts: { greeting: { en: 'Hello!' } },
          steps: { assisting: [{ en: 'Listen first.' }] },
          difficult: {},
        };
      }),
    ).toEqual([]);
  });

  it('lists in the JSON Schema exactly the steps and kinds of the visit machine', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as {
      properties: { visit: { properties: { tips: { properties: Record<string, unknown> } } } };
    };
    const tips = schema.properties.visit.properties.tips.properties as Record<
      string,
      { properties: Record<string, unknown> }
    >;
    expect(Object.keys(tips['scripts']!.properties)).toEqual([...VISIT_STEPS]);
    expect(Object.keys(tips['steps']!.properties)).toEqual([...VISIT_STEPS]);
    expect(Object.keys(tips['difficult']!.properties)).toEqual([...DIFFICULT_CUSTOMERS]);
  });
});
