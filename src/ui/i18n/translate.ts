import type { en } from './en.ts';
import type { Message, MessageParams, ParamValue, PluralMessage } from './message.ts';

export type MessageKey = keyof typeof en;

/** A language's catalog: the same keys as English, each a template or plural forms. */
export type Catalog = { readonly [K in MessageKey]: Message };

type ParamsOf<K extends MessageKey> = MessageParams<(typeof en)[K]>;

/** `t('key')` for messages without placeholders, `t('key', { name })` for the others. */
export type TranslateArgs<K extends MessageKey> = [ParamsOf<K>] extends [never]
  ? []
  : [params: Readonly<Record<ParamsOf<K>, ParamValue>>];

export type Translate = <K extends MessageKey>(key: K, ...args: TranslateArgs<K>) => string;

type Params = Readonly<Record<string, ParamValue>>;

/** Picks the plural form for `count`: an exact `=0` first, then the language's category. */
export function selectPluralForm(
  message: PluralMessage,
  count: number,
  rules: Intl.PluralRules,
): string {
  if (count === 0 && message['=0'] !== undefined) return message['=0'];
  return message[rules.select(count)] ?? message.other;
}

/** Replaces `{name}` with its parameter; numbers are formatted for the locale. */
export function interpolate(
  template: string,
  params: Params | undefined,
  numbers: Intl.NumberFormat,
): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}

export function createTranslator(locale: string, catalog: Catalog): Translate {
  const rules = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  return <K extends MessageKey>(key: K, ...args: TranslateArgs<K>): string => {
    const params = args[0] as Params | undefined;
    const message: Message | undefined = catalog[key];
    // Only reachable from untyped callers; the key is more useful on screen than a crash.
    if (message === undefined) return key;
    if (typeof message === 'string') return interpolate(message, params, numbers);
    const count = params?.['count'];
    const form = selectPluralForm(message, typeof count === 'number' ? count : NaN, rules);
    return interpolate(form, params, numbers);
  };
}

/** Keys of messages without placeholders, for tables of labels. */
export type PlainMessageKey = {
  [K in MessageKey]: TranslateArgs<K> extends [] ? K : never;
}[MessageKey];
