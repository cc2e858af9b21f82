import { useState } from 'react';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from '../../shell/device-context.ts';
import { downloadFromHub } from './reports-client.ts';

/**
 * A button that saves a file from the hub (CSV, portable log) with the manager's credentials;
 * says why when the hub is out of reach or refuses.
 */
export function HubDownload(props: {
  url: string;
  label: string;
  testId: string;
  className?: string;
}) {
  const { t } = useT();
  const { apiAuth } = useRuntime();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const start = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      await downloadFromHub(props.url, apiAuth);
    } catch (err) {
      setProblem((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className={props.className ?? 'button'}
        data-testid={props.testId}
        aria-busy={busy}
        disabled={busy}
        onClick={() => void start()}
      >
        {props.label}
      </button>
      {problem !== undefined && (
        <span role="status" className="manager-problem">
          {t('managerReports.failed', { reason: problem })}
        </span>
      )}
    </>
  );
}
