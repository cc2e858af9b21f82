import { arChainView } from './ar/chain-view.ts';
import { arBoard } from './ar/board.ts';
import { arClerkDesk } from './ar/clerk-desk.ts';
import { arCommon } from './ar/common.ts';
import { arDevices } from './ar/devices.ts';
import { arFeedback } from './ar/feedback.ts';
import { arKiosk } from './ar/kiosk.ts';
import { arTrack } from './ar/track.ts';
import { arJoin } from './ar/join.ts';
import { arBook } from './ar/book.ts';
import type { LanguageModules } from './modules.ts';
import { arSettings } from './ar/settings.ts';

/**
 * Arabic, written right to left. Plural forms: zero, one, two, few (3–10), many (11–99),
 * other (100–102…). Rendered with self-hosted Noto Sans Arabic.
 */
export const arModules: LanguageModules = {
  chainView: arChainView,
  common: arCommon,
  kiosk: arKiosk,
  board: arBoard,
  track: arTrack,
  join: arJoin,
  book: arBook,
  feedback: arFeedback,
  devices: arDevices,
  clerkDesk: arClerkDesk,
  settings: arSettings,
};
