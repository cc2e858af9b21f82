import type { en, enCustomerModules } from './en.ts';
import { intlLocale, textDirection } from './locale.ts';
import type { Message, MessageParams, ParamValue, PluralMessage } from './message.ts';

export type MessageKey = keyof typeof en;

type CustomerCatalog = (typeof enCustomerModules)[keyof typeof enCustomerModules];
/** Keys of the customer-facing modules (kiosk, board, tracking page, common). */
export type CustomerKey = CustomerCatalog extends infer M
  ? M extends unknown
    ? keyof M
    : never
  : never;
export type StaffKey = Exclude<MessageKey, CustomerKey>;

/**
 * A language's catalog: every customer-facing key, each a template or plural forms; staff
 * keys may be missing and then show in English.
 */
export type Catalog = { readonly [K in CustomerKey]: Message } & {
  readonly [K in StaffKey]?: Message;
};

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

/** FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: a run laid out on its own direction. */
export const FSI = '\u2068';
export const PDI = '\u2069';

/**
 * Replaces `{name}` with its parameter; numbers are formatted for the locale (`numbers` may be
 * a function that makes the format: made only for a number, since a tablet's first
 * Intl.NumberFormat costs ~17 ms of its first screen). With `isolate`
 * (a right-to-left language) a text parameter (a store, service or counter name, a ticket
 * number, a time) is wrapped in FSI…PDI, so "Counter 1 (Returns)" keeps its own direction
 * inside an Arabic sentence instead of being reordered with it.
 */
export function interpolate(
  template: string,
  params: Params | undefined,
  numbers: Intl.NumberFormat | (() => Intl.NumberFormat),
  isolate = false,
): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (typeof value === 'number')
      return (typeof numbers === 'function' ? numbers() : numbers).format(value);
    return isolate ? FSI + value + PDI : value;
  });
}

interface Speaker {
  readonly catalog: Partial<Record<MessageKey, Message>>;
  readonly rules: Intl.PluralRules;
  readonly numbers: Intl.NumberFormat;
  readonly isolate: boolean;
}

function speaker(locale: string, catalog: Partial<Record<MessageKey, Message>>): Speaker {
  const intl = intlLocale(locale);
  // made at first use (the fallback's are seldom needed)
  let rules: Intl.PluralRules | undefined;
  let numbers: Intl.NumberFormat | undefined;
  return {
    catalog,
    get rules() {
      return (rules ??= new Intl.PluralRules(intl));
    },
    get numbers() {
      return (numbers ??= new Intl.NumberFormat(intl));
    },
    isolate: textDirection(locale) === 'rtl',
  };
}

/**
 * `t` for one language. A message the catalog lacks (a staff screen not translated into this
 * language) comes from `fallback`, with the fallback language's plural rules.
 */
export function createTranslator(
  locale: string,
  catalog: Catalog,
  fallback?: { readonly locale: string; readonly catalog: Catalog },
): Translate {
  const own = speaker(locale, catalog);
  const other = fallback ? speaker(fallback.locale, fallback.catalog) : undefined;
  return <K extends MessageKey>(key: K, ...args: TranslateArgs<K>): string => {
    const params = args[0] as Params | undefined;
    const from = own.catalog[key] !== undefined ? own : other;
    const message: Message | undefined = from?.catalog[key];
    // Only reachable from untyped callers; the key is more useful on screen than a crash.
    if (message === undefined || !from) return key;
    if (typeof message === 'string') {
      return interpolate(message, params, () => from.numbers, from.isolate);
    }
    const count = params?.['count'];
    const form = selectPluralForm(message, typeof count === 'number' ? count : NaN, from.rules);
    return interpolate(form, params, () => from.numbers, from.isolate);
  };
}

/** Keys of messages without placeholders, for tables of labels. */
export type PlainMessageKey = {
  [K in MessageKey]: TranslateArgs<K> extends [] ? K : never;
}[MessageKey];
