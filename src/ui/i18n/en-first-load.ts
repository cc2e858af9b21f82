import { enBoard } from './en/board.ts';
import { enCommon } from './en/common.ts';
import { enDevices } from './en/devices.ts';
import { enKiosk } from './en/kiosk.ts';
import { enTrack } from './en/track.ts';

/**
 * The English the app starts with: the customer modules and the pairing and storage messages
 * the shell may show on any screen. The other staff modules (clerk, manager, kiosk settings,
 * ...) load with the staff screens that use them (`loadStaffMessages`), so a kiosk's first
 * screen does not carry them.
 */
export const enFirstLoadModules = {
  common: enCommon,
  kiosk: enKiosk,
  board: enBoard,
  track: enTrack,
  devices: enDevices,
} as const;
