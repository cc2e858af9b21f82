/**
 * The shape of a message catalog entry. A message is a template with `{name}` placeholders, or a
 * set of plural forms chosen by `Intl.PluralRules` for the `count` parameter. `=0` (as in ICU
 * MessageFormat) matches an exact zero before the language's plural category is consulted.
 */
export interface PluralMessage {
  readonly '=0'?: string;
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

export type Message = string | PluralMessage;

/** Placeholder names in a template literal type: `'{a} and {b}'` gives `'a' | 'b'`. */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** Parameter names a message needs; plural messages always need `count`. */
export type MessageParams<M> = M extends string
  ? Placeholders<M>
  : M extends PluralMessage
    ? 'count' | Placeholders<Extract<M[keyof M], string>>
    : never;

export type ParamValue = string | number;

/** A translation of one catalog module: the same keys, each a template or plural forms. */
export type Translation<T> = { readonly [K in keyof T]: Message };
