import type { StoreConfig } from '../config/types.ts';
import { completeTips, type VisitTips } from './tips.ts';
import { DEFAULT_RECHECK_AFTER_MS } from './types.ts';

/** What the visit assistant takes from the store configuration, with defaults filled in. */
export interface VisitSettings {
  readonly recheckAfterMs: number;
  readonly tips: VisitTips;
}

export function visitSettings(config: Pick<StoreConfig, 'visit'>): VisitSettings {
  const sec = config.visit?.recheckAfterSec;
  return {
    recheckAfterMs:
      sec !== undefined && Number.isFinite(sec) && sec > 0 ? sec * 1000 : DEFAULT_RECHECK_AFTER_MS,
    tips: completeTips(config.visit?.tips),
  };
}
