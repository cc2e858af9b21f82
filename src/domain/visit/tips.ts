import type { LocalizedText } from '../config/types.ts';
import { VISIT_STEPS, type VisitStep } from './types.ts';

/**
 * Tips and scripts for the clerk screen. The texts are store configuration: the `visit.tips`
 * section of kiosk-config/store.json, which ships a starting set in English and Polish.
 */
export const DIFFICULT_CUSTOMERS = ['undecided', 'knowItAll', 'rude', 'offended'] as const;
export type DifficultCustomer = (typeof DIFFICULT_CUSTOMERS)[number];

export interface VisitTips {
  /** The one line to say at a step, shown big; steps without one say nothing. */
  readonly scripts: Partial<Record<VisitStep, LocalizedText>>;
  readonly steps: Record<VisitStep, readonly LocalizedText[]>;
  /** Shown when the clerk marks the customer as difficult in one of these ways. */
  readonly difficult: Record<DifficultCustomer, readonly LocalizedText[]>;
}

/**
 * Tips as a store writes them: every part optional, a step without tips simply has none.
 * `completeTips` turns it into `VisitTips`.
 */
export interface VisitTipsConfig {
  readonly scripts?: Partial<Record<VisitStep, LocalizedText>>;
  readonly steps?: Partial<Record<VisitStep, readonly LocalizedText[]>>;
  readonly difficult?: Partial<Record<DifficultCustomer, readonly LocalizedText[]>>;
}

export function completeTips(config: VisitTipsConfig = {}): VisitTips {
  const steps = Object.fromEntries(
    VISIT_STEPS.map((step) => [step, config.steps?.[step] ?? []]),
  ) as Record<VisitStep, readonly LocalizedText[]>;
  const difficult = Object.fromEntries(
    DIFFICULT_CUSTOMERS.map((kind) => [kind, config.difficult?.[kind] ?? []]),
  ) as Record<DifficultCustomer, readonly LocalizedText[]>;
  return { scripts: { ...config.scripts }, steps, difficult };
}

export interface ChosenTips {
  readonly script: LocalizedText | null;
  readonly tips: readonly LocalizedText[];
}

export interface TipOptions {
  /** Ways the clerk marked this customer; their tips come first, as they are more urgent. */
  readonly difficult?: readonly DifficultCustomer[];
  /** At most this many tips (default 3). */
  readonly max?: number;
  /** Rotates the step tips so clerks do not read the same first tip every visit. */
  readonly seed?: number;
}

function rotate<T>(items: readonly T[], seed: number): T[] {
  if (items.length === 0) return [];
  const k = ((Math.trunc(seed) % items.length) + items.length) % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

export function tipsFor(tips: VisitTips, step: VisitStep, options: TipOptions = {}): ChosenTips {
  const { difficult = [], max = 3, seed = 0 } = options;
  const urgent = [...new Set(difficult)].flatMap((d) => tips.difficult[d]);
  const chosen = [...urgent, ...rotate(tips.steps[step], seed)].slice(0, Math.max(0, max));
  return { script: tips.scripts[step] ?? null, tips: chosen };
}

/** Paths of texts lacking one of `languages`, e.g. "steps.greeting[1].pl": for config checks. */
export function missingTranslations(tips: VisitTips, languages: readonly string[]): string[] {
  const out: string[] = [];
  const check = (path: string, text: LocalizedText) => {
    for (const lang of languages) if (!text[lang]?.trim()) out.push(`${path}.${lang}`);
  };
  for (const step of VISIT_STEPS) {
    const script = tips.scripts[step];
    if (script) check(`scripts.${step}`, script);
    tips.steps[step].forEach((t, i) => check(`steps.${step}[${i}]`, t));
  }
  for (const kind of DIFFICULT_CUSTOMERS) {
    tips.difficult[kind].forEach((t, i) => check(`difficult.${kind}[${i}]`, t));
  }
  return out;
}
