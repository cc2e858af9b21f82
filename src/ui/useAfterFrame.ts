import { useEffect, useState } from 'react';
import { afterFrame } from './after-frame.ts';

/**
 * False on a screen's first render, true once the browser has drawn the frame after it: for
 * the parts a screen's first frame can do without (a QR code's pattern, a paper copy that
 * measures its layout), so what the customer came for shows a frame sooner on a slow tablet.
 */
export function useAfterFrame(): boolean {
  const [drawn, setDrawn] = useState(false);
  useEffect(() => afterFrame(() => setDrawn(true)), []);
  return drawn;
}
