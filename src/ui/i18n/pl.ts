import { plChainView } from './pl/chain-view.ts';
import type { LanguageModules } from './modules.ts';
import { plSettings } from './pl/settings.ts';
import { plBoard } from './pl/board.ts';
import { plClerkDesk } from './pl/clerk-desk.ts';
import { plClerk } from './pl/clerk.ts';
import { plCommon } from './pl/common.ts';
import { plFeedback } from './pl/feedback.ts';
import { plDevices } from './pl/devices.ts';
import { plFloor } from './pl/floor.ts';
import { plKioskAdmin } from './pl/kiosk-admin.ts';
import { plKiosk } from './pl/kiosk.ts';
import { plManager } from './pl/manager.ts';
import { plManagerReports } from './pl/manager-reports.ts';
import { plTrack } from './pl/track.ts';
import { plJoin } from './pl/join.ts';
import { plBook } from './pl/book.ts';
import { plWebhooks } from './pl/webhooks.ts';

/** Polish. Plural forms: one (1), few (2–4, 22–24…), many (0, 5–21, 25…), other (fractions). */
export const plModules: LanguageModules = {
  chainView: plChainView,
  common: plCommon,
  kiosk: plKiosk,
  board: plBoard,
  track: plTrack,
  join: plJoin,
  book: plBook,
  feedback: plFeedback,
  clerkDesk: plClerkDesk,
  clerk: plClerk,
  kioskAdmin: plKioskAdmin,
  manager: plManager,
  managerReports: plManagerReports,
  floor: plFloor,
  devices: plDevices,
  settings: plSettings,
  webhooks: plWebhooks,
};
