import { useEffect, type RefObject } from 'react';

/**
 * The second tap of a double tap on a service lands on the ticket screen that the first tap
 * opened, wherever its buttons happen to be. This swallows that tap: a click counted as the
 * second of a double click (the browser's `detail`, for mouse and touch), or any touch within
 * a moment of the screen appearing. A deliberate tap, a mouse click or a keyboard press (detail
 * 0) goes through at once, so nobody waits for buttons to wake up.
 */
export const GHOST_TAP_MS = 450;
const DOUBLE_CLICK_MS = 1000;

export function useGhostTapGuard(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const shownAt = performance.now();
    let swallowNext = false;
    const down = (e: PointerEvent) => {
      swallowNext = e.pointerType !== 'mouse' && performance.now() - shownAt < GHOST_TAP_MS;
    };
    const click = (e: MouseEvent) => {
      const early = performance.now() - shownAt;
      if (swallowNext || (e.detail > 1 && early < DOUBLE_CLICK_MS)) {
        e.preventDefault();
        e.stopPropagation();
      }
      swallowNext = false;
    };
    el.addEventListener('pointerdown', down, true);
    el.addEventListener('click', click, true);
    return () => {
      el.removeEventListener('pointerdown', down, true);
      el.removeEventListener('click', click, true);
    };
  }, [ref]);
}
