import { useEffect, useRef, useState } from 'react';

/**
 * Calls `onIdle` once nobody has touched the screen for `ms` while `enabled`. Returns a number
 * that changes on every touch, so a visible countdown can restart with it.
 */
export function useIdle(ms: number, onIdle: () => void, enabled: boolean): number {
  const [activity, setActivity] = useState(0);
  const latest = useRef(onIdle);
  useEffect(() => {
    latest.current = onIdle;
  });

  useEffect(() => {
    if (!enabled) return;
    const touched = () => setActivity((n) => n + 1);
    document.addEventListener('pointerdown', touched);
    document.addEventListener('keydown', touched);
    return () => {
      document.removeEventListener('pointerdown', touched);
      document.removeEventListener('keydown', touched);
    };
  }, [enabled]);

  useEffect(() => {
    if (!enabled) return;
    const timer = setTimeout(() => latest.current(), ms);
    return () => clearTimeout(timer);
  }, [enabled, ms, activity]);

  return activity;
}
