import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useNow } from '../../ui/useNow.ts';

export function BoardClock() {
  const { time } = useT();
  const now = useNow(10_000);
  return <p className="board__clock">{time(now)}</p>;
}
