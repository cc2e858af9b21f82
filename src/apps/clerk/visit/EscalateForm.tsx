import { useState } from 'react';
import { MAX_REASON_LENGTH } from '../../../domain/visit/types.ts';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';

/** "Get a manager": an optional reason, then one tap sends the call. */
export function EscalateForm(props: { onSend: (reason: string) => void; onCancel: () => void }) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  return (
    <form
      className="visit-escalate"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSend(reason);
      }}
    >
      <h3 className="visit-escalate__title">{t('clerk.visit.escalate.title')}</h3>
      <label className="visit-escalate__label">
        {t('clerk.visit.escalate.reason')}
        <textarea
          className="visit-escalate__reason"
          data-testid="escalate-reason"
          maxLength={MAX_REASON_LENGTH}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <div className="visit-escalate__actions">
        <button type="button" className="button button--secondary" onClick={props.onCancel}>
          {t('clerk.visit.escalate.cancel')}
        </button>
        <button type="submit" className="button button--danger" data-testid="escalate-send">
          {t('clerk.visit.escalate.send')}
        </button>
      </div>
    </form>
  );
}
