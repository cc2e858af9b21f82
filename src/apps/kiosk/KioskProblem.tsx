import { useEffect, useState } from 'react';
import { secondsUntil } from '../../domain/kiosk/rate-limit.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import type { IssueProblem } from './useIssueTicket.ts';

const MESSAGES = {
  rangeExhausted: 'kiosk.error.rangeExhausted',
  storageFailed: 'kiosk.error.storageFailed',
  priorityNotAllowed: 'kiosk.error.priorityNotAllowed',
  other: 'kiosk.error.other',
} as const;

/**
 * Why no ticket came out, said kindly, with what to do next. A rate-limit message says how
 * long to wait (once: an alert that counted down would be read out every second) and goes away
 * by itself when the kiosk may issue again.
 */
export function KioskProblem({ problem, onOver }: { problem: IssueProblem; onOver: () => void }) {
  const { t } = useT();
  const [shownAt] = useState(() => Date.now());
  const retryAt = problem.kind === 'rateLimited' ? problem.retryAt : undefined;
  useEffect(() => {
    if (retryAt === undefined) return;
    const timer = setTimeout(onOver, Math.max(0, retryAt - Date.now()));
    return () => clearTimeout(timer);
  }, [retryAt, onOver]);
  return (
    <p className="kiosk-error" data-testid="kiosk-error" data-problem={problem.kind} role="alert">
      {problem.kind === 'rateLimited'
        ? t('kiosk.error.rateLimited', { count: secondsUntil(problem.retryAt, shownAt) })
        : t(MESSAGES[problem.kind])}
    </p>
  );
}
