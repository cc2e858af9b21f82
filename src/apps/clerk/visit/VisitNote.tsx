import { useState } from 'react';
import { MAX_REASON_LENGTH } from '../../../domain/visit/types.ts';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { useDevice } from '../../shell/device-context.ts';
import type { VisitCard, VisitDesk } from './visit-desk.ts';

/** A short note on the visit ("wants size 40"); the next clerk sees it with the ticket. */
export function VisitNote({ desk, card }: { desk: VisitDesk; card: VisitCard }) {
  const { t } = useT();
  const { state } = useDevice();
  const logged = state.visits.get(card.id)?.note ?? '';
  const [draft, setDraft] = useState(logged);
  const [saving, setSaving] = useState(false);
  const saved = draft.trim() === logged;
  return (
    <form
      className="visit-note"
      onSubmit={(e) => {
        e.preventDefault();
        setSaving(true);
        void desk.note(card.id, draft).finally(() => setSaving(false));
      }}
    >
      <label className="visit-escalate__label">
        {t('desk.note.label')}
        <textarea
          className="visit-escalate__reason"
          data-testid="visit-note"
          data-saved={logged}
          maxLength={MAX_REASON_LENGTH}
          rows={2}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
      </label>
      <div className="visit-escalate__actions">
        {saved && logged !== '' && (
          <span className="clerk-hint" role="status" data-testid="visit-note-saved">
            {t('desk.note.saved')}
          </span>
        )}
        <button
          type="submit"
          className="button button--secondary"
          data-testid="visit-note-save"
          disabled={saving || saved}
        >
          {t('desk.note.save')}
        </button>
      </div>
    </form>
  );
}
