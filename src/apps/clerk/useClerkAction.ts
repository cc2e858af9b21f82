import { useCallback, useRef, useState } from 'react';
import type { CommandResult } from '../../domain/queue/commands.ts';
import type { QueueState } from '../../domain/queue/state.ts';
import type { RunOutcome } from '../runtime/types.ts';
import { useRuntime } from '../shell/device-context.ts';

export type ActionProblem = Extract<RunOutcome, { ok: false }>['error'];

/**
 * Sends one command at a time (a second tap while one runs is ignored) and keeps the reason
 * when the command was refused, for the screen to explain.
 */
export function useClerkAction() {
  const rt = useRuntime();
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ActionProblem>();

  const act = useCallback(
    async (decide: (state: QueueState, at: number) => CommandResult): Promise<boolean> => {
      if (running.current) return false;
      running.current = true;
      setBusy(true);
      setProblem(undefined);
      try {
        const outcome = await rt.run(decide);
        if (!outcome.ok) setProblem(outcome.error);
        return outcome.ok;
      } catch (error) {
        console.error('Action not saved', error);
        setProblem('storageFailed');
        return false;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [rt],
  );

  const clearProblem = useCallback(() => setProblem(undefined), []);
  return { act, busy, problem, clearProblem };
}
