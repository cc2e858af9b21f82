import { startTransition, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { customerLanguages } from '../../domain/config/types.ts';
import { loadLanguage } from '../../ui/i18n/catalogs.ts';
import { I18nProvider } from '../../ui/i18n/I18nProvider.tsx';
import type { DeviceRuntime } from '../runtime/types.ts';
import { DeviceContext, type DeviceContextValue } from './device-context.ts';
import { LoadingScreen } from './LoadingScreen.tsx';
import type { SurfaceName } from './routes.ts';
import { removeFirstPaint } from './first-paint-layer.ts';
import { afterFirstScreen } from './first-screen.ts';
import { StartupError } from './StartupError.tsx';
import { StorageBanner } from './StorageBanner.tsx';
import { startupProblem } from './startup-error.ts';

const RETRY_SEC = 15;

type Phase =
  | { readonly kind: 'starting' }
  | { readonly kind: 'ready'; readonly runtime: DeviceRuntime }
  | { readonly kind: 'failed'; readonly error: unknown };

/**
 * Starts the device runtime for a role and provides it to the screen below, in the store's
 * language. Shows a loading state while starting and a clear error (with automatic retry) if
 * the device cannot start, e.g. because it has never loaded the store configuration.
 */
export function DeviceHost(props: {
  role: SurfaceName;
  initialPreferredId: string | undefined;
  children: ReactNode;
}) {
  const { role } = props;
  const [preferredId, setPreferredId] = useState(props.initialPreferredId);
  const [attempt, setAttempt] = useState(0);
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });

  useEffect(() => {
    let cancelled = false;
    let started: DeviceRuntime | undefined;
    // a manager revoked this device while it ran: it stops, and says so with a way back
    const onRemoved = (error: Error): void => {
      if (cancelled) return;
      if (started) closeQuietly(started);
      started = undefined;
      setPhase({ kind: 'failed', error });
    };
    startRuntime(role, preferredId, onRemoved).then(
      (runtime) => {
        if (cancelled) return closeQuietly(runtime);
        started = runtime;
        // a transition: React renders the screen in slices, so a tablet's first render of it
        // is not one long task (it yields to input and paints between them)
        startTransition(() => setPhase({ kind: 'ready', runtime }));
      },
      (error: unknown) => {
        if (!cancelled) setPhase({ kind: 'failed', error });
      },
    );
    return () => {
      cancelled = true;
      if (started) closeQuietly(started);
    };
  }, [role, preferredId, attempt]);

  const retry = useCallback(() => {
    setPhase({ kind: 'starting' });
    setAttempt((n) => n + 1);
  }, []);

  // the first paint's still screen must not hide why the device cannot start
  useEffect(() => {
    if (phase.kind === 'failed') removeFirstPaint();
  }, [phase.kind]);

  // a pairing form waits for its person; retrying on a timer would clear what they type
  useRetryWhileFailed(phase.kind === 'failed' && !waitsForPerson(phase.error), retry);

  const reidentify = useCallback((id: string) => {
    setPhase({ kind: 'starting' });
    setPreferredId(id);
  }, []);

  const context = useMemo<DeviceContextValue | null>(
    () => (phase.kind === 'ready' ? { runtime: phase.runtime, preferredId, reidentify } : null),
    [phase, preferredId, reidentify],
  );

  if (phase.kind === 'failed') {
    return <StartupError error={phase.error} retryInSec={RETRY_SEC} onRetry={retry} />;
  }
  if (!context) return <LoadingScreen />;
  const { store } = context.runtime.config;
  return (
    <DeviceContext.Provider value={context}>
      <I18nProvider
        language={store.defaultLanguage}
        contentFallback={store.defaultLanguage}
        timeZone={store.timeZone}
      >
        <StorageBanner runtime={context.runtime} />
        {props.children}
      </I18nProvider>
    </DeviceContext.Provider>
  );
}

/** A pairing code is needed: only a person can fix it, and retrying would clear the form. */
function waitsForPerson(error: unknown): boolean {
  const problem = startupProblem(error);
  return problem === 'pairing' || problem === 'removed';
}

/** Tries again every few seconds, and at once when the browser says it is back online. */
function useRetryWhileFailed(failed: boolean, retry: () => void): void {
  useEffect(() => {
    if (!failed) return;
    const timer = setTimeout(retry, RETRY_SEC * 1000);
    window.addEventListener('online', retry);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('online', retry);
    };
  }, [failed, retry]);
}

/** The runtime (storage and MQTT) is its own chunk: the landing page never loads it. */
async function startRuntime(
  role: SurfaceName,
  preferredId: string | undefined,
  onRemoved: (error: Error) => void,
) {
  const { createDeviceRuntime, deviceIdFor } = await import('../runtime/create.ts');
  const runtime = await createDeviceRuntime({
    role,
    deviceId: deviceIdFor(role, preferredId),
    onRemoved,
  });
  const { store } = runtime.config;
  // the store's language before the first screen; the customer languages right after it
  await loadLanguage(store.defaultLanguage).catch(() => undefined);
  void afterFirstScreen().then(() => {
    for (const lang of new Set([...store.languages, ...customerLanguages(runtime.config)])) {
      void loadLanguage(lang).catch(() => {});
    }
  });
  return runtime;
}

function closeQuietly(runtime: DeviceRuntime): void {
  runtime.close().catch((error: unknown) => console.warn('Device runtime did not close', error));
}
