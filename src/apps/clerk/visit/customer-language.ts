import { customerLanguages, type StoreConfig } from '../../../domain/config/types.ts';

/**
 * The language of the screens the clerk hands to a customer: the one they chose at the kiosk
 * (recorded on their ticket) when the store offers it, else the store's own language (a
 * walk-in, or a ticket from before tickets carried it).
 */
export function customerLanguage(
  config: Pick<StoreConfig, 'store'>,
  ticketLanguage: string | undefined,
): string {
  const offered = customerLanguages(config);
  return ticketLanguage !== undefined && offered.includes(ticketLanguage)
    ? ticketLanguage
    : config.store.defaultLanguage;
}
