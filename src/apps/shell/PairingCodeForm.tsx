import { useState, type FormEvent } from 'react';

/**
 * A field for a manager's pairing code: the code goes into the URL (as the manager's QR code
 * would put it) and the device starts again with it. Shared by the pairing screen and the
 * screen of a tablet a manager removed.
 */
export function PairingCodeForm(props: {
  label: string;
  submit: string;
  /** Test ids `${testIdPrefix}-code` and `${testIdPrefix}-submit`. */
  testIdPrefix: string;
  onRetry: () => void;
}) {
  const [code, setCode] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set('pair', code.trim().toUpperCase());
    history.replaceState(history.state, '', url);
    props.onRetry();
  };
  return (
    <form onSubmit={submit}>
      <label>
        {props.label}{' '}
        <input
          data-testid={`${props.testIdPrefix}-code`}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          maxLength={16}
          required
        />
      </label>{' '}
      <button
        type="submit"
        className="button button--primary"
        data-testid={`${props.testIdPrefix}-submit`}
      >
        {props.submit}
      </button>
    </form>
  );
}
