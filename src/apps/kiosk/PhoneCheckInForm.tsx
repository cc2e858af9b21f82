/**
 * "I have a ticket from my phone", once tapped (PhoneCheckIn.tsx): a customer who joined from
 * /join checks in at the kiosk by typing the number their phone shows (the kiosk has no camera
 * path). The kiosk writes ticket.checkedIn to the store log like any ticket it issues, offline
 * too.
 */
import { useState } from 'react';
import { checkInByNumber, typedTicketNumber } from '../../domain/queue/commands.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from '../shell/device-context.ts';
import { CodeEntryForm } from './CodeEntryForm.tsx';

type Outcome = { readonly ok: boolean; readonly number: string };

export function PhoneCheckInForm(props: { onBack: () => void }) {
  const rt = useRuntime();
  const { t } = useT();
  const [number, setNumber] = useState('');
  const [outcome, setOutcome] = useState<Outcome>();
  const submit = async () => {
    const result = await rt.run((state) => checkInByNumber(state, number));
    setOutcome({ ok: result.ok, number: typedTicketNumber(number) });
    if (result.ok) setNumber('');
  };
  return (
    <CodeEntryForm
      fieldTestId="phone-checkin-number"
      submitTestId="phone-checkin-submit"
      label={t('kiosk.checkIn.prompt')}
      value={number}
      inputMode="text"
      maxLength={8}
      onChange={setNumber}
      onSubmit={() => void submit()}
      onBack={props.onBack}
    >
      {outcome && !outcome.ok && (
        <p role="alert" data-testid="phone-checkin-unknown">
          {t('kiosk.checkIn.unknown', { number: outcome.number })}
        </p>
      )}
      {outcome?.ok && (
        <p role="status" data-testid="phone-checkin-done">
          {t('kiosk.checkIn.done', { number: outcome.number })}
        </p>
      )}
    </CodeEntryForm>
  );
}
