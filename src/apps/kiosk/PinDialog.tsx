import { useState } from 'react';
import type { ManagerPinConfig } from '../../domain/config/types.ts';
import {
  afterWrongPin,
  isLocked,
  OPEN_PIN_GUARD,
  triesLeft,
  verifyPin,
  type PinGuard,
} from '../../domain/kiosk/pin.ts';
import { secondsUntil } from '../../domain/kiosk/rate-limit.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useNow } from '../../ui/useNow.ts';
import { useModal } from '../../ui/useModal.ts';

const MAX_DIGITS = 12;

/** Wrong tries survive closing the pad, so closing and reopening does not reset the lock. */
let guard: PinGuard = OPEN_PIN_GUARD;

/** The manager's PIN pad: large keys, works with a keyboard too, locks after wrong PINs. */
export function PinDialog(props: {
  pin: ManagerPinConfig | undefined;
  onUnlock: () => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  const ref = useModal(props.onCancel);
  const [digits, setDigits] = useState('');
  const [message, setMessage] = useState('');
  const now = useNow(1000);
  const locked = isLocked(guard, now);

  const submit = () => {
    if (!props.pin || locked || digits === '') return;
    if (verifyPin(digits, props.pin)) {
      guard = OPEN_PIN_GUARD;
      props.onUnlock();
      return;
    }
    guard = afterWrongPin(guard, Date.now());
    setDigits('');
    setMessage(
      isLocked(guard, Date.now())
        ? t('kioskAdmin.pin.locked', { count: secondsUntil(guard.lockedUntil, Date.now()) })
        : t('kioskAdmin.pin.wrong', { count: triesLeft(guard) }),
    );
  };
  const press = (d: string) => setDigits((v) => (v.length < MAX_DIGITS ? v + d : v));

  // when a lock runs out, its message goes
  const [wasLocked, setWasLocked] = useState(locked);
  if (wasLocked !== locked) {
    setWasLocked(locked);
    if (!locked) setMessage('');
  }

  return (
    <dialog
      tabIndex={-1}
      ref={ref}
      className="kiosk-dialog kiosk-pin"
      aria-labelledby="kiosk-pin-title"
      data-testid="pin-dialog"
    >
      <h2 id="kiosk-pin-title" className="kiosk-dialog__title">
        {t('kioskAdmin.pin.title')}
      </h2>
      {props.pin ? (
        <form
          className="kiosk-pin__form"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <label htmlFor="kiosk-pin-input">{t('kioskAdmin.pin.prompt')}</label>
          {/* inputMode none: the keypad below, not the tablet's keyboard; a real keyboard types */}
          <input
            id="kiosk-pin-input"
            className="kiosk-pin__input"
            data-testid="pin-input"
            type="password"
            inputMode="none"
            autoComplete="off"
            autoFocus
            maxLength={MAX_DIGITS}
            value={digits}
            disabled={locked}
            onChange={(e) => setDigits(e.target.value.replace(/\D/g, '').slice(0, MAX_DIGITS))}
          />
          <p className="kiosk-pin__message" role="alert" data-testid="pin-message">
            {message}
          </p>
          <div className="kiosk-pin__keys">
            {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
              <button
                key={d}
                type="button"
                className="button button--secondary kiosk-pin__key"
                data-testid={`pin-key-${d}`}
                disabled={locked}
                onClick={() => press(d)}
              >
                {d}
              </button>
            ))}
            <button
              type="button"
              className="button button--secondary kiosk-pin__key"
              disabled={locked}
              onClick={() => setDigits((v) => v.slice(0, -1))}
            >
              <span aria-hidden="true">⌫</span>
              <span className="visually-hidden">{t('kioskAdmin.pin.delete')}</span>
            </button>
            <button
              type="button"
              className="button button--secondary kiosk-pin__key"
              data-testid="pin-key-0"
              disabled={locked}
              onClick={() => press('0')}
            >
              0
            </button>
            <button
              type="submit"
              className="button button--primary kiosk-pin__key"
              data-testid="pin-unlock"
              disabled={locked || digits === ''}
            >
              {t('kioskAdmin.pin.unlock')}
            </button>
          </div>
        </form>
      ) : (
        <p role="alert">{t('kioskAdmin.pin.notSet')}</p>
      )}
      <button
        type="button"
        className="button button--secondary kiosk-dialog__close"
        data-testid="pin-cancel"
        onClick={props.onCancel}
      >
        {t('kioskAdmin.pin.cancel')}
      </button>
    </dialog>
  );
}
