import { enCommon } from './en/common.ts';
import { enKiosk } from './en/kiosk.ts';

/**
 * The English the app starts with: what the shell and the kiosk's customers see. The rest
 * (board, the phone's pages, pairing, staff screens) loads with the screens that show it
 * (`loadFullEnglish` in catalogs.ts), so a kiosk's first screen does not carry it.
 */
export const enFirstLoadModules = {
  common: enCommon,
  kiosk: enKiosk,
} as const;
