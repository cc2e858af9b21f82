import { enBoard } from './en/board.ts';
import { enClerk } from './en/clerk.ts';
import { enCommon } from './en/common.ts';
import { enKiosk } from './en/kiosk.ts';

/**
 * English, the reference catalog: every other language must define exactly these keys.
 * Wording follows the store practice: friendly, short, honest about waiting.
 * One module per surface, so work on one surface does not touch another's strings.
 */
export const en = { ...enCommon, ...enKiosk, ...enClerk, ...enBoard } as const;
