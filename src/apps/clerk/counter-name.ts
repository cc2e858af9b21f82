import { counterById, type LocalizedText, type StoreConfig } from '../../domain/config/types.ts';

/** A counter's name in the screen's language (`text` from useT), or its id if unknown. */
export function counterName(
  config: StoreConfig,
  id: string,
  text: (t: LocalizedText) => string,
): string {
  const c = counterById(config, id);
  return c ? text(c.name) : id;
}
