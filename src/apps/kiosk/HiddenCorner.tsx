import { useRef } from 'react';
import { cornerTap } from '../../domain/kiosk/corner-gesture.ts';

/**
 * The hidden way into the kiosk settings: five quick taps in the top left corner. Nothing
 * shows there and nothing is announced; customers never find it by accident.
 */
export function HiddenCorner({ onGesture }: { onGesture: () => void }) {
  const taps = useRef<number[]>([]);
  return (
    <div
      className="kiosk-corner"
      aria-hidden="true"
      data-testid="kiosk-corner"
      onClick={() => {
        const next = cornerTap(taps.current, Date.now());
        taps.current = next.taps;
        if (next.complete) onGesture();
      }}
    />
  );
}
