import type { LocalizedText, StoreConfig } from '../domain/config/types.ts';
import { completeTips, missingTranslations } from '../domain/visit/tips.ts';
import { isKnownTimeZone } from '../domain/clock/zone-offset.ts';
import { boardProblems, describeProblem } from '../domain/config/settings.ts';
import { show } from './config-schema.ts';
import { hoursProblems } from './hours-checks.ts';

/**
 * Rules a JSON Schema cannot express: references between lists, uniqueness of a field,
 * disjoint ranges, a real time zone. Runs only on a config whose shape is already valid.
 * Each problem reads "field.path: what is wrong".
 */
export function semanticProblems(cfg: StoreConfig): string[] {
  return [
    ...storeProblems(cfg),
    ...localizedTextProblems(cfg),
    ...uniqueProblems('services', cfg.services, (s) => s.id, 'id'),
    ...uniqueProblems('counters', cfg.counters, (c) => c.id, 'id'),
    ...uniqueProblems('kiosks', cfg.kiosks, (k) => k.id, 'id'),
    ...uniqueProblems('staff', cfg.staff ?? [], (m) => m.id, 'id'),
    ...uniqueProblems('services', cfg.services, (s) => s.prefix, 'prefix'),
    ...counterServiceProblems(cfg),
    ...rangeProblems(cfg),
    ...topicPrefixProblems(cfg.mqtt.topicPrefix),
    ...visitTipProblems(cfg),
    ...hoursProblems(cfg),
    // the settings view's own rules for the board, so a board written by hand keeps them too
    ...boardProblems(cfg.board ?? {}).map(describeProblem),
  ];
}

function storeProblems(cfg: StoreConfig): string[] {
  const out: string[] = [];
  const { timeZone, defaultLanguage, languages } = cfg.store;
  if (!isKnownTimeZone(timeZone)) {
    out.push(
      `store.timeZone: is not a known time zone, e.g. "Europe/Warsaw" (got ${show(timeZone)})`,
    );
  }
  if (!languages.includes(defaultLanguage)) {
    out.push(
      `store.defaultLanguage: ${show(defaultLanguage)} is not in store.languages (${languages.join(', ')})`,
    );
  }
  const customer = cfg.store.customerLanguages;
  // (a default language missing from store.languages is reported once, above)
  if (customer && languages.includes(defaultLanguage) && !customer.includes(defaultLanguage)) {
    out.push(
      `store.customerLanguages: must include the default language ${show(defaultLanguage)} (got ${customer.join(', ')})`,
    );
  }
  return out;
}

function localizedTextProblems(cfg: StoreConfig): string[] {
  const texts: [string, LocalizedText][] = [['store.name', cfg.store.name]];
  cfg.services.forEach((s, i) => texts.push([`services[${i}].name`, s.name]));
  cfg.counters.forEach((c, i) => texts.push([`counters[${i}].name`, c.name]));
  cfg.kiosks.forEach((k, i) => texts.push([`kiosks[${i}].name`, k.name]));
  const { header, footer } = cfg.kiosk.receipt ?? {};
  if (header) texts.push(['kiosk.receipt.header', header]);
  if (footer) texts.push(['kiosk.receipt.footer', footer]);

  const { defaultLanguage, languages: staffLanguages, customerLanguages } = cfg.store;
  // Customer-facing names may also be written in the customer languages.
  const languages = [...new Set([...staffLanguages, ...(customerLanguages ?? [])])];
  const listed = customerLanguages
    ? 'store.languages or store.customerLanguages'
    : 'store.languages';
  // A default language that is not listed is reported once, not once per text.
  const checkDefault = languages.includes(defaultLanguage);
  const out: string[] = [];
  for (const [path, text] of texts) {
    if (checkDefault && text[defaultLanguage] === undefined) {
      out.push(`${path}: has no text in the default language "${defaultLanguage}"`);
    }
    for (const lang of Object.keys(text)) {
      if (!languages.includes(lang)) {
        out.push(
          `${path}.${lang}: language "${lang}" is not in ${listed} (${languages.join(', ')})`,
        );
      }
    }
  }
  return out;
}

function uniqueProblems<T>(
  list: string,
  items: readonly T[],
  key: (item: T) => string,
  field: string,
): string[] {
  const firstAt = new Map<string, number>();
  const out: string[] = [];
  items.forEach((item, i) => {
    const value = key(item);
    const first = firstAt.get(value);
    if (first === undefined) firstAt.set(value, i);
    else out.push(`${list}[${i}].${field}: ${show(value)} is already used by ${list}[${first}]`);
  });
  return out;
}

function counterServiceProblems(cfg: StoreConfig): string[] {
  const known = new Set(cfg.services.map((s) => s.id));
  const served = new Set<string>();
  const out: string[] = [];
  cfg.counters.forEach((counter, i) => {
    counter.services.forEach((id, j) => {
      if (known.has(id)) served.add(id);
      else {
        out.push(
          `counters[${i}].services[${j}]: no service has id ${show(id)} (known: ${[...known].join(', ')})`,
        );
      }
    });
  });
  cfg.services.forEach((s, i) => {
    if (!served.has(s.id)) out.push(`services[${i}]: no counter serves "${s.id}"`);
  });
  return out;
}

function rangeProblems(cfg: StoreConfig): string[] {
  const out: string[] = [];
  const sound: { i: number; from: number; to: number }[] = [];
  const where = (i: number) => ranges[i]!.at;
  const ranges = [
    ...cfg.kiosks.map((k, i) => ({ at: `kiosks[${i}].range`, range: k.range })),
    ...(cfg.join ? [{ at: 'join.range', range: cfg.join.range }] : []),
    ...(cfg.booking ? [{ at: 'booking.range', range: cfg.booking.range }] : []),
  ];
  ranges.forEach(({ at, range: { from, to } }, i) => {
    // The schema already keeps both ends within 1..999999.
    if (from > to) {
      out.push(`${at}: "from" must not be greater than "to" (got ${from}..${to})`);
    } else {
      sound.push({ i, from, to });
    }
  });
  // Only ranges that are sound on their own are compared, so one typo gives one message.
  for (const [n, b] of sound.entries()) {
    for (const a of sound.slice(0, n)) {
      if (b.from <= a.to && a.from <= b.to) {
        out.push(
          `${where(b.i)}: ${b.from}..${b.to} overlaps ${where(a.i)} ${a.from}..${a.to}` +
            ' (two kiosks could issue the same number)',
        );
      }
    }
  }
  return out;
}

export function topicPrefixProblems(prefix: string): string[] {
  const at = 'mqtt.topicPrefix';
  const got = `(got ${show(prefix)})`;
  if (prefix === '') return [`${at}: must not be empty`];
  if (/[+#]/.test(prefix)) return [`${at}: must not contain the wildcards "+" or "#" ${got}`];
  if (prefix.startsWith('$')) {
    return [`${at}: must not start with "$" (reserved for broker topics) ${got}`];
  }
  if (prefix.split('/').some((level) => level === '')) {
    return [`${at}: must not start or end with "/" or contain "//" ${got}`];
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(prefix)) {
    return [`${at}: must not contain control characters ${got}`];
  }
  if (Buffer.byteLength(prefix) > 200) return [`${at}: must be at most 200 bytes long`];
  return [];
}

/**
 * Every tip and script must be written in each of the store's languages (a clerk who works in
 * Polish must not meet an English tip in the middle of a visit), and in no other language.
 */
export function visitTipProblems(cfg: StoreConfig): string[] {
  const tips = cfg.visit?.tips;
  if (!tips) return [];
  const { languages } = cfg.store;
  const listed = languages.join(', ');
  const complete = completeTips(tips);
  const out = missingTranslations(complete, languages).map((path) => {
    const at = path.lastIndexOf('.');
    const lang = path.slice(at + 1);
    return `visit.tips.${pathText(path.slice(0, at))}: has no text in "${lang}" (every tip needs each of store.languages: ${listed})`;
  });
  const texts: [string, LocalizedText][] = [];
  for (const [step, text] of Object.entries(complete.scripts)) {
    if (text) texts.push([`scripts.${step}`, text]);
  }
  for (const [step, list] of Object.entries(complete.steps)) {
    list.forEach((text, i) => texts.push([`steps.${step}[${i}]`, text]));
  }
  for (const [kind, list] of Object.entries(complete.difficult)) {
    list.forEach((text, i) => texts.push([`difficult.${kind}[${i}]`, text]));
  }
  for (const [path, text] of texts) {
    for (const lang of Object.keys(text)) {
      if (!languages.includes(lang)) {
        out.push(
          `visit.tips.${pathText(path)}.${lang}: language "${lang}" is not in store.languages (${listed})`,
        );
      }
    }
  }
  return out;
}

/** "steps.browsing.looking[1]" -> 'steps["browsing.looking"][1]', as the schema messages write it. */
function pathText(path: string): string {
  const dot = path.indexOf('.');
  const section = path.slice(0, dot);
  const rest = path.slice(dot + 1);
  const m = /^(.*?)(\[\d+\])?$/.exec(rest);
  const key = m?.[1] ?? rest;
  const index = m?.[2] ?? '';
  return key.includes('.')
    ? `${section}[${JSON.stringify(key)}]${index}`
    : `${section}.${key}${index}`;
}
