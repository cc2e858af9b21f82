import type { enCustomerModules, enStaffModules } from './en.ts';
import type { Translation } from './message.ts';

export type CustomerModule = keyof typeof enCustomerModules;
export type StaffModule = keyof typeof enStaffModules;

/** Languages that must translate the staff modules too (clerk, manager, kiosk settings). */
export const STAFF_LANGUAGES: readonly string[] = ['en', 'pl'];

/**
 * One language's translation, module by module: every customer-facing module is required
 * (the compiler and coverage.test.ts check every key); a staff module may be left out, and
 * its messages then show in English.
 */
export type LanguageModules = {
  readonly [M in CustomerModule]: Translation<(typeof enCustomerModules)[M]>;
} & {
  readonly [M in StaffModule]?: Translation<(typeof enStaffModules)[M]>;
};
