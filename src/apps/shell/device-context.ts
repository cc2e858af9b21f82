import { createContext, useCallback, useContext, useRef, useSyncExternalStore } from 'react';
import type { DeviceRuntime, DeviceSnapshot } from '../runtime/types.ts';

export interface DeviceContextValue {
  readonly runtime: DeviceRuntime;
  /** The identity the device was started with (e.g. the kiosk id), if it has one. */
  readonly preferredId: string | undefined;
  /** Restarts the device under another identity (a kiosk chosen on its setup screen). */
  readonly reidentify: (preferredId: string) => void;
}

export const DeviceContext = createContext<DeviceContextValue | null>(null);

function useDeviceContext(): DeviceContextValue {
  const value = useContext(DeviceContext);
  if (!value) throw new Error('useDevice() needs a <DeviceHost> above it');
  return value;
}

const NO_CHANGES = () => () => undefined;

/** The device's runtime; re-renders when the store's settings change its config. */
export function useRuntime(): DeviceRuntime {
  const rt = useDeviceContext().runtime;
  const subscribe = useCallback(
    (onChange: () => void) => (rt.subscribeConfig ?? NO_CHANGES)(onChange),
    [rt],
  );
  const config = () => rt.config;
  // (and on the hub, which renders the kiosk's welcome for a first visit: welcome-still.tsx)
  useSyncExternalStore(subscribe, config, config);
  return rt;
}

export function useDeviceIdentity(): Pick<DeviceContextValue, 'preferredId' | 'reidentify'> {
  const { preferredId, reidentify } = useDeviceContext();
  return { preferredId, reidentify };
}

/**
 * The device's state, re-rendering on every change; while `held`, the state it had when held
 * (a screen about to be replaced renders nothing of what changes meanwhile).
 */
export function useDevice(held = false): DeviceSnapshot {
  const rt = useRuntime();
  const last = useRef<DeviceSnapshot>(undefined);
  const subscribe = useCallback(
    (onChange: () => void) => (held ? () => undefined : rt.subscribe(onChange)),
    [rt, held],
  );
  const getSnapshot = useCallback(() => {
    if (!held || !last.current) last.current = rt.getSnapshot();
    return last.current;
  }, [rt, held]);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
