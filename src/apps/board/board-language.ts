import { customerLanguages, type StoreConfig } from '../../domain/config/types.ts';
import { isString, localSetting } from '../../ui/local-setting.ts';

/**
 * The lobby display's language: `/board?lang=pl` once (remembered by this TV), else the
 * store's default. Only languages offered to customers are taken.
 */
const saved = localSetting('nextup.board.language', isString);

export function boardLanguage(config: StoreConfig, search: string): string {
  const offered = customerLanguages(config);
  const pick = (lang: string | null | undefined): string | undefined => {
    if (!lang) return undefined;
    const lower = lang.toLowerCase();
    const base = lower.split('-')[0];
    return (
      offered.find((l) => l.toLowerCase() === lower) ??
      offered.find((l) => l.toLowerCase() === base)
    );
  };
  const fromUrl = pick(new URLSearchParams(search).get('lang'));
  if (fromUrl) {
    saved.write(fromUrl);
    return fromUrl;
  }
  return pick(saved.read()) ?? config.store.defaultLanguage;
}
