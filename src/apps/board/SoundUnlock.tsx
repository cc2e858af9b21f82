import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { unlockSound } from './sound.ts';

/**
 * Browsers keep a page silent until it is touched once; this is the touch. It sits in the
 * header, beside the clock, so it never covers a call or a waiting count. A TV started with
 * autoplay allowed (README, "The lobby display on a TV") never shows it.
 */
export function SoundUnlock() {
  const { t } = useT();
  return (
    <button
      type="button"
      className="button board-sound"
      data-testid="sound-unlock"
      onClick={() => void unlockSound()}
    >
      {t('board.enableSound')}
    </button>
  );
}
