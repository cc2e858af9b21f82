import { useT } from '../../ui/i18n/I18nProvider.tsx';
import type { PlainMessageKey } from '../../ui/i18n/translate.ts';
import type { ActionProblem } from './useClerkAction.ts';

/** Problems the clerk can act on get their own words; anything else is "try again". */
const MESSAGES: Partial<Record<ActionProblem, PlainMessageKey>> = {
  queueEmpty: 'clerk.error.queueEmpty',
  counterBusy: 'clerk.error.counterBusy',
  notAtCounter: 'clerk.error.notAtCounter',
  unknownService: 'clerk.error.unknownService',
  storageFailed: 'clerk.error.storageFailed',
  counterClosed: 'desk.error.counterClosed',
};

/** Why the last action did not happen. */
export function ClerkProblem({ problem }: { problem: ActionProblem }) {
  const { t } = useT();
  return (
    <p className="clerk-problem" data-testid="clerk-error" data-problem={problem} role="alert">
      {t(MESSAGES[problem] ?? 'clerk.error.other')}
    </p>
  );
}
