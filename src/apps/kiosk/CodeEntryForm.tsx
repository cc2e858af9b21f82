/**
 * The kiosk's small form for a customer who already has a place: the number from their phone
 * (PhoneCheckIn) or their booking's code (BookingCheckIn). It renders; the caller decides.
 */
import type { FormEvent, ReactNode } from 'react';
import { useT } from '../../ui/i18n/I18nProvider.tsx';

export function CodeEntryForm(props: {
  /** Test ids of the field and of the submit button. */
  fieldTestId: string;
  submitTestId: string;
  label: string;
  value: string;
  inputMode: 'text' | 'numeric';
  maxLength: number;
  onChange: (value: string) => void;
  onSubmit: () => void;
  onBack: () => void;
  /** What went wrong or right, under the field. */
  children?: ReactNode;
}) {
  const { t } = useT();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit();
  };
  return (
    <form className="kiosk-phone-checkin" onSubmit={submit}>
      <label>
        {props.label}
        <input
          type="text"
          inputMode={props.inputMode}
          autoComplete="off"
          autoCapitalize={props.inputMode === 'text' ? 'characters' : 'off'}
          maxLength={props.maxLength}
          value={props.value}
          data-testid={props.fieldTestId}
          onChange={(e) => props.onChange(e.target.value)}
        />
      </label>
      {props.children}
      <button type="submit" className="button" data-testid={props.submitTestId}>
        {t('kiosk.checkIn.submit')}
      </button>
      <button type="button" className="button button--secondary" onClick={props.onBack}>
        {t('kiosk.checkIn.cancel')}
      </button>
    </form>
  );
}
