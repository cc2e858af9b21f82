import { useT } from '../../ui/i18n/I18nProvider.tsx';
import type { ActionProblem } from './useClerkAction.ts';

const MESSAGES = {
  queueEmpty: 'clerk.error.queueEmpty',
  counterBusy: 'clerk.error.counterBusy',
  notAtCounter: 'clerk.error.notAtCounter',
  unknownService: 'clerk.error.unknownService',
  storageFailed: 'clerk.error.storageFailed',
  unknownTicket: 'clerk.error.other',
  rangeExhausted: 'clerk.error.other',
} as const satisfies Record<ActionProblem, string>;

/** Why the last action did not happen. */
export function ClerkProblem({ problem }: { problem: ActionProblem }) {
  const { t } = useT();
  return (
    <p className="clerk-problem" data-testid="clerk-error" data-problem={problem} role="alert">
      {t(MESSAGES[problem])}
    </p>
  );
}
