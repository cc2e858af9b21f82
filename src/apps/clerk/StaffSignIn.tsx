import { useState } from 'react';
import { afterWrongPin, isLocked, OPEN_PIN_GUARD, type PinGuard } from '../../domain/kiosk/pin.ts';
import { checkStaffPin, signIn, signOut, staffList } from '../../domain/security/staff.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useDevice, useRuntime } from '../shell/device-context.ts';
import { PinPad } from './PinPad.tsx';

/** Wrong tries survive leaving the screen, so the lock cannot be dodged by going back. */
let guard: PinGuard = OPEN_PIN_GUARD;

/** Who works on this tablet: pick your name, type your PIN (staff.signedIn). */
export function StaffSignIn() {
  const { t } = useT();
  const rt = useRuntime();
  const [chosen, setChosen] = useState<string | undefined>();
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const staff = staffList(rt.config);
  const member = staff.find((m) => m.id === chosen);

  const submit = async () => {
    if (!member) return;
    if (isLocked(guard, Date.now())) {
      setProblem(t('devices.staff.locked'));
      return;
    }
    if (!checkStaffPin(rt.config, member.id, pin)) {
      guard = afterWrongPin(guard, Date.now());
      setPin('');
      setProblem(
        isLocked(guard, Date.now()) ? t('devices.staff.locked') : t('devices.staff.wrong'),
      );
      return;
    }
    guard = OPEN_PIN_GUARD;
    const outcome = await rt.run(() => signIn(member.id));
    if (!outcome.ok) setProblem(t('devices.error', { message: outcome.error }));
  };

  return (
    <main className="clerk clerk-signin" data-testid="staff-signin">
      <h1>{t('devices.staff.title')}</h1>
      {!member ? (
        <ul className="clerk-signin__names">
          {staff.map((m) => (
            <li key={m.id}>
              <button
                type="button"
                className="button"
                data-testid={`staff-${m.id}`}
                onClick={() => setChosen(m.id)}
              >
                {m.name}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <div className="clerk-signin__pin">
          <PinPad
            label={t('devices.staff.pin', { name: member.name })}
            pin={pin}
            onChange={setPin}
            onSubmit={() => void submit()}
            submitLabel={t('devices.staff.signIn')}
          />
          <button
            type="button"
            className="button clerk-signin__back"
            onClick={() => {
              setChosen(undefined);
              setPin('');
              setProblem(undefined);
            }}
          >
            {t('devices.staff.back')}
          </button>
        </div>
      )}
      {problem && (
        <p role="alert" data-testid="staff-problem">
          {problem}
        </p>
      )}
    </main>
  );
}

/** Who is signed in, and the way out (staff.signedOut). */
export function StaffBar() {
  const { t } = useT();
  const rt = useRuntime();
  const { state } = useDevice();
  const staffId = state.staffOn.get(rt.deviceId);
  const member = staffList(rt.config).find((m) => m.id === staffId);
  if (!member) return null;
  return (
    <p className="clerk-staffbar" data-testid="staff-bar" data-staff={member.id}>
      {t('devices.staff.signedIn', { name: member.name })}{' '}
      <button
        type="button"
        className="button"
        data-testid="staff-signout"
        onClick={() => void rt.run((s) => signOut(s, rt.deviceId))}
      >
        {t('devices.staff.signOut')}
      </button>
    </p>
  );
}
