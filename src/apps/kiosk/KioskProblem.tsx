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
 * Why no ticket came out, said kindly, with what to do next. A rate-limit message counts down
 * to the moment the domain named and stays until then; there `onRateLimitOver` asks the domain
 * again, so it goes only when the kiosk is free.
 */
export function KioskProblem(props: { problem: IssueProblem; onRateLimitOver: () => void }) {
  const { problem } = props;
  const { t } = useT();
  if (problem.kind === 'rateLimited') {
    return <RateLimited freeAt={problem.retryAt} onOver={props.onRateLimitOver} />;
  }
  return (
    <p className="kiosk-error" data-testid="kiosk-error" data-problem={problem.kind} role="alert">
      {t(MESSAGES[problem.kind])}
    </p>
  );
}

function RateLimited({ freeAt, onOver }: { freeAt: number; onOver: () => void }) {
  const { t } = useT();
  const [shownAt] = useState(Date.now);
  const now = useCountdown(freeAt, onOver);
  const seconds = secondsUntil(freeAt, now);
  return (
    <div
      className="kiosk-error"
      data-testid="kiosk-error"
      data-problem="rateLimited"
      data-free-at={freeAt}
    >
      {/* read out once, as it appears: an alert that counted down would be read every second */}
      <p role="alert" className="visually-hidden">
        {t('kiosk.error.rateLimited', { count: secondsUntil(freeAt, shownAt) })}
      </p>
      <p aria-hidden="true" data-testid="kiosk-error-countdown" data-seconds={seconds}>
        {t('kiosk.error.rateLimited', { count: seconds })}
      </p>
    </div>
  );
}

/**
 * The time now, rendered again as each whole second to `deadline` passes (so "5 seconds" turns
 * to "4" on time), and `onOver` once the deadline has come. The clock is read as it renders, so
 * a late timer (a throttled tab, a tablet waking up) shows the true time, not the one planned.
 */
function useCountdown(deadline: number, onOver: () => void): number {
  const [, setTick] = useState(0);
  const now = Date.now();
  useEffect(() => {
    const left = deadline - Date.now();
    if (left <= 0) {
      onOver();
      return;
    }
    const timer = setTimeout(() => setTick((n) => n + 1), left % 1000 || 1000);
    return () => clearTimeout(timer);
  });
  return now;
}
