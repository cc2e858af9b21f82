import { useState } from 'react';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { soundBlocked, unlockSound } from './sound.ts';

/** Browsers keep a page silent until it is touched once; this is the touch. */
export function SoundUnlock() {
  const { t } = useT();
  const [blocked, setBlocked] = useState(soundBlocked);
  if (!blocked) return null;
  return (
    <button
      type="button"
      className="button board-sound"
      data-testid="sound-unlock"
      onClick={() => {
        void unlockSound().then(() => setBlocked(soundBlocked()));
      }}
    >
      {t('board.enableSound')}
    </button>
  );
}
