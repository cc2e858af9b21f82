import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { NextupDb } from '../../../data/db.ts';
import { VisitStore } from '../../../data/visit-store.ts';
import { useRuntime } from '../../shell/device-context.ts';
import { EMPTY_VIEW, VisitDesk, type DeskView } from './visit-desk.ts';

/**
 * The handheld's visits for a counter: restored from IndexedDB when the screen opens, live
 * until it closes. Returns null for the desk until the saved visits are back.
 */
export function useVisitDesk(counter: string): { desk: VisitDesk | null; view: DeskView } {
  const rt = useRuntime();
  const [desk, setDesk] = useState<VisitDesk | null>(null);

  useEffect(() => {
    const db = new NextupDb(rt.config.store.id);
    const opened = new VisitDesk({
      runtime: rt,
      store: new VisitStore(db, rt.deviceId),
      counter,
      onError: (what, error) => console.error(`[nextup] ${what}`, error),
    });
    let live = true;
    opened.open().then(
      () => {
        if (live) setDesk(opened);
      },
      (error: unknown) => console.error('[nextup] visits not restored', error),
    );
    return () => {
      live = false;
      setDesk(null);
      opened.close();
      // let writes already started finish before the connection goes
      void opened.idle().finally(() => db.close());
    };
  }, [rt, counter]);

  const subscribe = useCallback(
    (onChange: () => void) => desk?.subscribe(onChange) ?? (() => undefined),
    [desk],
  );
  const getView = useCallback(() => desk?.getView() ?? EMPTY_VIEW, [desk]);
  return { desk, view: useSyncExternalStore(subscribe, getView) };
}
