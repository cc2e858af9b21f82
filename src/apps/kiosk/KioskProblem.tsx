import { useT } from '../../ui/i18n/I18nProvider.tsx';
import type { IssueProblem } from './useIssueTicket.ts';

const MESSAGES = {
  rangeExhausted: 'kiosk.error.rangeExhausted',
  storageFailed: 'kiosk.error.storageFailed',
  other: 'kiosk.error.other',
} as const;

/** Why no ticket came out, said kindly, with what to do next. */
export function KioskProblem({ problem }: { problem: IssueProblem }) {
  const { t } = useT();
  return (
    <p className="kiosk-error" data-testid="kiosk-error" data-problem={problem} role="alert">
      {t(MESSAGES[problem])}
    </p>
  );
}
