import { enBoard } from './en/board.ts';
import { enChainView } from './en/chain-view.ts';
import { enClerk } from './en/clerk.ts';
import { enClerkDesk } from './en/clerk-desk.ts';
import { enCommon } from './en/common.ts';
import { enDevices } from './en/devices.ts';
import { enFeedback } from './en/feedback.ts';
import { enFloor } from './en/floor.ts';
import { enKioskAdmin } from './en/kiosk-admin.ts';
import { enKiosk } from './en/kiosk.ts';
import { enManager } from './en/manager.ts';
import { enManagerReports } from './en/manager-reports.ts';
import { enSettings } from './en/settings.ts';
import { enTrack } from './en/track.ts';
import { enJoin } from './en/join.ts';
import { enBook } from './en/book.ts';
import { enWebhooks } from './en/webhooks.ts';

/**
 * English, the reference catalog. One module per surface, so work on one surface does not
 * touch another's strings. Wording follows the store practice: friendly, short, honest about
 * waiting.
 *
 * Customer-facing modules must be translated completely into every language the kiosk offers;
 * staff modules into English and Polish at least (other languages fall back to English),
 * except the few every language translates (EVERY_LANGUAGE_STAFF_MODULES in modules.ts).
 * `coverage.test.ts` checks both. A new staff module goes into `enStaffModules` and `en`.
 */
export const enCustomerModules = {
  common: enCommon,
  kiosk: enKiosk,
  board: enBoard,
  track: enTrack,
  join: enJoin,
  book: enBook,
  feedback: enFeedback,
} as const;

export const enStaffModules = {
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

export const en = {
  ...enCommon,
  ...enKiosk,
  ...enBoard,
  ...enTrack,
  ...enJoin,
  ...enBook,
  ...enFeedback,
  ...enClerk,
  ...enClerkDesk,
  ...enKioskAdmin,
  ...enManager,
  ...enManagerReports,
  ...enFloor,
  ...enDevices,
  ...enSettings,
  ...enWebhooks,
  ...enChainView,
} as const;
