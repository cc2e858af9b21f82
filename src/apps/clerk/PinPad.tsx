import { useT } from '../../ui/i18n/I18nProvider.tsx';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
const MAX_DIGITS = 12;

/**
 * A PIN typed with one thumb: large digit keys, the digits shown as dots, delete and sign in.
 * A hardware keyboard still works (digits, Backspace, Enter).
 */
export function PinPad(props: {
  label: string;
  pin: string;
  onChange: (pin: string) => void;
  onSubmit: () => void;
  submitLabel: string;
}) {
  const { t } = useT();
  const { pin, onChange } = props;
  const press = (digit: string) => {
    if (pin.length < MAX_DIGITS) onChange(pin + digit);
  };
  const remove = () => onChange(pin.slice(0, -1));
  return (
    <div
      className="pin-pad"
      role="group"
      aria-label={props.label}
      onKeyDown={(e) => {
        if (/^\d$/.test(e.key)) press(e.key);
        else if (e.key === 'Backspace') remove();
        else if (e.key === 'Enter') props.onSubmit();
        else return;
        e.preventDefault();
      }}
    >
      <p className="pin-pad__label">{props.label}</p>
      <output
        className="pin-pad__dots"
        data-testid="staff-pin"
        data-length={pin.length}
        aria-label={t('desk.pin.entered', { count: pin.length })}
      >
        {'•'.repeat(pin.length) || '\u00a0'}
      </output>
      <div className="pin-pad__keys">
        {[...KEYS, 'delete', '0', 'ok'].map((key) =>
          key === 'delete' ? (
            <button
              key={key}
              type="button"
              className="button button--secondary pin-pad__key"
              data-testid="pin-key-delete"
              disabled={pin.length === 0}
              onClick={remove}
            >
              {t('desk.pin.delete')}
            </button>
          ) : key === 'ok' ? (
            <button
              key={key}
              type="button"
              className="button button--primary pin-pad__key"
              data-testid="staff-signin-submit"
              disabled={pin.length === 0}
              onClick={props.onSubmit}
            >
              {props.submitLabel}
            </button>
          ) : (
            <button
              key={key}
              type="button"
              className="button pin-pad__key pin-pad__digit"
              data-testid={`pin-key-${key}`}
              onClick={() => press(key)}
            >
              {key}
            </button>
          ),
        )}
      </div>
    </div>
  );
}
