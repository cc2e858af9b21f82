import { useEffect, useState } from 'react';

/** A hidden page draws no frames: the parts come anyway this long after. */
const HIDDEN_PAGE_MS = 100;

/**
 * False on a screen's first render, true once the browser has drawn the frame after it: for
 * the parts a screen's first frame can do without (a QR code's pattern, a paper copy that
 * measures its layout), so what the customer came for shows a frame sooner on a slow tablet.
 */
export function useAfterFrame(): boolean {
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = (): void => {
      clearTimeout(timer);
      setDrawn(true);
    };
    // the frame's callbacks run before it is drawn: a task queued in one runs after it
    const frame = requestAnimationFrame(() => {
      clearTimeout(timer);
      timer = setTimeout(done, 0);
    });
    timer = setTimeout(done, HIDDEN_PAGE_MS);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return drawn;
}
