import { useEffect, useState } from 'react';
import { secondsUntil } from '../../domain/kiosk/rate-limit.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import type { IssueProblem } from './useIssueTicket.ts';

const MESSAGES = {
  rangeExhausted: 'kiosk.error.rangeExhausted',
  storageFailed: 'kiosk.error.storageFailed',
  priorityNotAllowed: 'kiosk.error.priorityNotAllowed',
  notIssuing: 'kiosk.error.notIssuing',
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
  const seconds = useSecondsLeft(freeAt, onOver);
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
 * Whole seconds left to `deadline`, rendered again the moment the number shown goes stale (so
 * "5 seconds" turns to "4" on time), and `onOver` once the deadline has come. The clock is read
 * as it renders and the next render is planned from what is shown, so a late timer or a late
 * effect (a throttled tab, a tablet waking up) corrects itself at once.
 */
function useSecondsLeft(deadline: number, onOver: () => void): number {
  const [, setTick] = useState(0);
  const seconds = secondsUntil(deadline, Date.now());
  const staleAt = deadline - (seconds - 1) * 1000;
  useEffect(() => {
    const now = Date.now();
    if (now >= deadline) {
      onOver();
      return;
    }
    const timer = setTimeout(() => setTick((n) => n + 1), Math.max(0, staleAt - now));
    return () => clearTimeout(timer);
  });
  return seconds;
}
