import type { enCustomerModules, enStaffModules } from './en.ts';
import type { Translation } from './message.ts';

export type CustomerModule = keyof typeof enCustomerModules;
export type StaffModule = keyof typeof enStaffModules;

/** Languages that must translate the staff modules too (clerk, manager, kiosk settings). */
export const STAFF_LANGUAGES: readonly string[] = ['en', 'pl'];

/**
 * Staff modules every language translates all the same: pairing a tablet, signing in on it and
 * the manager's Devices view meet whoever sets up the store, in the store's language; the clerk
 * desk's handover and closing texts are read by clerks of any language, and the store's settings
 * by its manager in the store's language; the chain's area managers (/chain) read it in theirs.
 */
export const EVERY_LANGUAGE_STAFF_MODULES = [
  'devices',
  'clerkDesk',
  'settings',
  'chainView',
] as const satisfies readonly StaffModule[];
type EveryLanguageStaffModule = (typeof EVERY_LANGUAGE_STAFF_MODULES)[number];

/**
 * One language's translation, module by module: every customer-facing module is required
 * (the compiler and coverage.test.ts check every key), and so is each of
 * EVERY_LANGUAGE_STAFF_MODULES; another staff module may be left out, and its messages then
 * show in English.
 */
export type LanguageModules = {
  readonly [M in CustomerModule]: Translation<(typeof enCustomerModules)[M]>;
} & {
  readonly [M in EveryLanguageStaffModule]: Translation<(typeof enStaffModules)[M]>;
} & {
  readonly [M in Exclude<StaffModule, EveryLanguageStaffModule>]?: Translation<
    (typeof enStaffModules)[M]
  >;
};
