import { useEffect, useMemo, useState } from 'react';
import { useAfterFrame } from './useAfterFrame.ts';
import type * as QrEncoder from '../domain/qr/qr.ts';

type QrModule = typeof QrEncoder;
let qr: QrModule | undefined;
let loading: Promise<QrModule> | undefined;

/**
 * The QR encoder is its own chunk (a kiosk's first screen does not need it); screens that
 * show codes preload it after their first paint, so a ticket's code is there at once.
 */
export function preloadQrCode(): Promise<QrModule> {
  loading ??= import('../domain/qr/qr.ts').then((m) => (qr = m));
  loading.catch(() => (loading = undefined));
  return loading;
}

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
  const [encoder, setEncoder] = useState(qr);
  useEffect(() => {
    if (!encoder) void preloadQrCode().then(setEncoder, () => undefined);
  }, [encoder]);
  // encoding takes a few milliseconds on a slow tablet: the ticket's number is drawn first,
  // its code in the frame after (the box keeps its size, so nothing moves)
  const value = useAfterFrame() ? props.value : '';
  const { size, d } = useMemo(
    () => (encoder && value ? encoder.qrPath(value) : { size: 21, d: '' }),
    [encoder, value],
  );
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
