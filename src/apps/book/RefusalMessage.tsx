/** Why booking, moving, cancelling or "I'm here" did not work, honestly and in the customer's words. */
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import type { MessageKey } from '../../ui/i18n/translate.ts';
import type { Refusal } from './book-client.ts';

const MESSAGES = {
  full: 'book.error.full',
  noSuchSlot: 'book.error.noSuchSlot',
  addressLimit: 'book.error.addressLimit',
  notOffered: 'book.notOffered',
  offline: 'book.error.offline',
  notFound: 'book.notFound',
  cancelled: 'book.cancelled',
  past: 'book.missed',
  late: 'book.here.late',
  notToday: 'book.here.notToday',
  notInStore: 'book.here.notInStore',
} as const satisfies Partial<Record<Refusal['kind'], MessageKey>>;

const messageOf = (kind: Refusal['kind']) =>
  kind in MESSAGES ? MESSAGES[kind as keyof typeof MESSAGES] : 'book.error.other';

export function RefusalMessage({ refusal }: { refusal: Refusal }) {
  const { t } = useT();
  return (
    <p className="book-error" role="alert" data-testid="book-refused" data-kind={refusal.kind}>
      {t(messageOf(refusal.kind))}
    </p>
  );
}
