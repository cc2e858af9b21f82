import { useMemo } from 'react';
import { qrPath } from './qr.ts';

/**
 * A QR code drawn as inline SVG (no network, no canvas), with a quiet zone of four modules.
 * `label` is what a screen reader says instead of the pattern; empty means decorative.
 */
export function QrCode(props: {
  value: string;
  label: string;
  className?: string;
  testId?: string;
}) {
  const { size, d } = useMemo(() => qrPath(props.value), [props.value]);
  const quiet = 4;
  const box = size + quiet * 2;
  return (
    <svg
      className={props.className}
      viewBox={`${-quiet} ${-quiet} ${box} ${box}`}
      {...(props.label ? { role: 'img', 'aria-label': props.label } : { 'aria-hidden': true })}
      data-testid={props.testId}
      data-value={props.value}
      shapeRendering="crispEdges"
    >
      <rect x={-quiet} y={-quiet} width={box} height={box} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
