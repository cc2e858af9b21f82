import type { Message } from './message.ts';

/**
 * Finds what a language is missing compared with English, module by module: the check behind
 * "a language misses a key English has". Pure, so the unit tests run it over every catalog.
 */
type Module = Readonly<Record<string, Message>>;

export interface CoverageInput {
  /** English modules by name. */
  readonly english: Readonly<Record<string, Module>>;
  /** Each language's modules by name (a module may be absent). */
  readonly languages: Readonly<Record<string, Readonly<Record<string, Module | undefined>>>>;
  /** Whether `language` must translate `module` completely. */
  readonly required: (language: string, module: string) => boolean;
}

const PLACEHOLDER = /\{(\w+)\}/g;

function placeholders(text: string): Set<string> {
  return new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''));
}

function forms(message: Message): string[] {
  if (typeof message === 'string') return [message];
  return Object.values(message).filter((f): f is string => typeof f === 'string');
}

/** Placeholders other than `count`, which a plural form may leave out ("one person"). */
function named(message: Message): string {
  const all = new Set(forms(message).flatMap((f) => [...placeholders(f)]));
  all.delete('count');
  return [...all].sort().join(',');
}

export function coverageProblems(input: CoverageInput): string[] {
  const out: string[] = [];
  for (const [lang, modules] of Object.entries(input.languages)) {
    for (const [name, english] of Object.entries(input.english)) {
      const mod = modules[name];
      const at = `${lang}/${name}`;
      if (!mod) {
        if (input.required(lang, name)) out.push(`${at}: the module is missing`);
        continue;
      }
      // A module that is there is checked in full, required or not.
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const [key, source] of Object.entries(english)) {
        const message = mod[key];
        if (message === undefined) {
          out.push(`${at}: missing key ${key}`);
          continue;
        }
        if (typeof message !== typeof source) {
          out.push(
            `${at}: ${key} must be ${typeof source === 'string' ? 'a text' : 'plural forms'}`,
          );
          continue;
        }
        for (const form of forms(message)) {
          const want = named(source);
          const got = [...placeholders(form)]
            .filter((p) => p !== 'count')
            .sort()
            .join(',');
          if (got !== want) {
            out.push(`${at}: ${key} uses {${got}} where English uses {${want}}: "${form}"`);
          }
        }
        if (typeof message !== 'string') {
          for (const category of categories) {
            const covered =
              message[category] !== undefined ||
              (category === 'zero' && message['=0'] !== undefined);
            if (!covered) out.push(`${at}: ${key} lacks the plural form "${category}"`);
          }
        }
      }
      for (const key of Object.keys(mod)) {
        if (!(key in english)) out.push(`${at}: ${key} is not an English key`);
      }
    }
  }
  return out;
}
