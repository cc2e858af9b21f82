import { enBoard } from './en/board.ts';
import { enBook } from './en/book.ts';
import { enChainView } from './en/chain-view.ts';
import { enClerk } from './en/clerk.ts';
import { enClerkDesk } from './en/clerk-desk.ts';
import { enDevices } from './en/devices.ts';
import { enFeedback } from './en/feedback.ts';
import { enFloor } from './en/floor.ts';
import { enJoin } from './en/join.ts';
import { enKioskAdmin } from './en/kiosk-admin.ts';
import { enManager } from './en/manager.ts';
import { enManagerReports } from './en/manager-reports.ts';
import { enSettings } from './en/settings.ts';
import { enTrack } from './en/track.ts';
import { enWebhooks } from './en/webhooks.ts';

/**
 * The English modules not in the first load (`en-first-load.ts`): its own chunk, loaded by
 * `loadFullEnglish`. Together the two hold every module of `en.ts` (catalogs.test.ts checks).
 */
export const enRestModules = {
  board: enBoard,
  track: enTrack,
  join: enJoin,
  book: enBook,
  feedback: enFeedback,
  clerk: enClerk,
  clerkDesk: enClerkDesk,
  kioskAdmin: enKioskAdmin,
  manager: enManager,
  managerReports: enManagerReports,
  floor: enFloor,
  devices: enDevices,
  settings: enSettings,
  webhooks: enWebhooks,
  chainView: enChainView,
} as const;
