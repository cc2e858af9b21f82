import { plBoard } from './pl/board.ts';
import { plClerk } from './pl/clerk.ts';
import { plCommon } from './pl/common.ts';
import { plKiosk } from './pl/kiosk.ts';
import type { Catalog } from './translate.ts';

/** Polish. Plural forms: one (1), few (2–4, 22–24…), many (0, 5–21, 25…), other (fractions). */
export const pl: Catalog = { ...plCommon, ...plKiosk, ...plClerk, ...plBoard };
