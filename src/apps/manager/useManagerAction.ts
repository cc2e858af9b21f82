import { useCallback, useRef, useState } from 'react';
import type { CommandResult } from '../../domain/queue/commands.ts';
import type { QueueState } from '../../domain/queue/state.ts';
import { useRuntime } from '../shell/device-context.ts';

/** Sends one command at a time (a double tap is one action); remembers whether it failed. */
export function useManagerAction() {
  const rt = useRuntime();
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const act = useCallback(
    async (decide: (state: QueueState) => CommandResult): Promise<void> => {
      if (running.current) return;
      running.current = true;
      setBusy(true);
      setFailed(false);
      try {
        const outcome = await rt.run(decide);
        // an alert someone else answered first is not a failure worth showing
        if (!outcome.ok && outcome.error !== 'alertClosed') setFailed(true);
      } catch (error) {
        console.error('Action not saved', error);
        setFailed(true);
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [rt],
  );
  return { act, busy, failed };
}
