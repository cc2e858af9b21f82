import { hiChainView } from './hi/chain-view.ts';
import { hiBoard } from './hi/board.ts';
import { hiClerkDesk } from './hi/clerk-desk.ts';
import { hiCommon } from './hi/common.ts';
import { hiDevices } from './hi/devices.ts';
import { hiFeedback } from './hi/feedback.ts';
import { hiKiosk } from './hi/kiosk.ts';
import { hiTrack } from './hi/track.ts';
import { hiJoin } from './hi/join.ts';
import { hiBook } from './hi/book.ts';
import type { LanguageModules } from './modules.ts';
import { hiSettings } from './hi/settings.ts';

/** Hindi. Plural forms: one (0 and 1), other. Rendered with self-hosted Noto Sans Devanagari. */
export const hiModules: LanguageModules = {
  chainView: hiChainView,
  common: hiCommon,
  kiosk: hiKiosk,
  board: hiBoard,
  track: hiTrack,
  join: hiJoin,
  book: hiBook,
  feedback: hiFeedback,
  devices: hiDevices,
  clerkDesk: hiClerkDesk,
  settings: hiSettings,
};
