import { huChainView } from './hu/chain-view.ts';
import { huBoard } from './hu/board.ts';
import { huClerkDesk } from './hu/clerk-desk.ts';
import { huCommon } from './hu/common.ts';
import { huDevices } from './hu/devices.ts';
import { huFeedback } from './hu/feedback.ts';
import { huKiosk } from './hu/kiosk.ts';
import { huTrack } from './hu/track.ts';
import { huJoin } from './hu/join.ts';
import { huBook } from './hu/book.ts';
import type { LanguageModules } from './modules.ts';
import { huSettings } from './hu/settings.ts';

/** Hungarian. Plural forms: one, other; a noun after a number stays singular ("3 ember"). */
export const huModules: LanguageModules = {
  chainView: huChainView,
  common: huCommon,
  kiosk: huKiosk,
  board: huBoard,
  track: huTrack,
  join: huJoin,
  book: huBook,
  feedback: huFeedback,
  devices: huDevices,
  clerkDesk: huClerkDesk,
  settings: huSettings,
};
