import { useState } from 'react';
import { strandedByClosing, type StrandedService } from '../../domain/queue/closing.ts';
import { closeCounter } from '../../domain/queue/commands.ts';
import type { QueueState } from '../../domain/queue/state.ts';
import type { useClerkAction } from './useClerkAction.ts';

type Act = ReturnType<typeof useClerkAction>['act'];

/**
 * Closing the counter: at once when nobody is left without service, otherwise only after the
 * clerk confirms (`confirming` holds what the domain says would be left unserved).
 */
export function useCounterClosing(
  state: QueueState,
  counter: string,
  act: Act,
  onClosed: () => void,
) {
  const [closing, setClosing] = useState(false);
  const [confirming, setConfirming] = useState<readonly StrandedService[]>();

  const close = async () => {
    setConfirming(undefined);
    setClosing(true);
    if (await act(() => closeCounter(counter))) onClosed();
    else setClosing(false);
  };
  const request = () => {
    const stranded = strandedByClosing(state, counter);
    if (stranded.length > 0) setConfirming(stranded);
    else void close();
  };
  return { closing, confirming, request, close, keep: () => setConfirming(undefined) };
}
