import { useCallback, useEffect, useState } from 'react';

export type ManagerView = 'live' | 'history';

const fromHash = (): ManagerView => (location.hash === '#history' ? 'history' : 'live');

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
