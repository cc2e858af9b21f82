import { useCallback, useEffect, useState } from 'react';

/**
 * The board for the wall, the history, the store's enrolled devices (pairing, revoking) and
 * the store's settings.
 */
export const MANAGER_VIEWS = ['live', 'history', 'devices', 'settings'] as const;
export type ManagerView = (typeof MANAGER_VIEWS)[number];

const fromHash = (): ManagerView =>
  MANAGER_VIEWS.find((v) => v !== 'live' && location.hash === `#${v}`) ?? 'live';

/** Which view is shown, kept in the address (#history) so a wall TV can be set to one. */
export function useManagerView(): [ManagerView, (v: ManagerView) => void] {
  const [view, setViewState] = useState<ManagerView>(fromHash);
  useEffect(() => {
    const onHash = () => setViewState(fromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const setView = useCallback((v: ManagerView) => {
    history.replaceState(null, '', v === 'live' ? location.pathname : `#${v}`);
    setViewState(v);
  }, []);
  return [view, setView];
}
