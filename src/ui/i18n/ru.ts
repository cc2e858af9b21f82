import { ruChainView } from './ru/chain-view.ts';
import type { LanguageModules } from './modules.ts';
import { ruSettings } from './ru/settings.ts';
import { ruBoard } from './ru/board.ts';
import { ruClerkDesk } from './ru/clerk-desk.ts';
import { ruCommon } from './ru/common.ts';
import { ruDevices } from './ru/devices.ts';
import { ruFeedback } from './ru/feedback.ts';
import { ruKiosk } from './ru/kiosk.ts';
import { ruTrack } from './ru/track.ts';
import { ruJoin } from './ru/join.ts';
import { ruBook } from './ru/book.ts';

/** Russian. Plural forms: one (1, 21…), few (2–4, 22–24…), many (0, 5–20, 25…), other. */
export const ruModules: LanguageModules = {
  chainView: ruChainView,
  common: ruCommon,
  kiosk: ruKiosk,
  board: ruBoard,
  track: ruTrack,
  join: ruJoin,
  book: ruBook,
  feedback: ruFeedback,
  devices: ruDevices,
  clerkDesk: ruClerkDesk,
  settings: ruSettings,
};
