import { useEffect, useRef } from 'react';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { wholeTicks } from './report-labels.ts';

export interface ChartSeries {
  readonly label: string;
  readonly values: readonly (number | null)[];
  readonly color: string;
  readonly kind: 'bars' | 'line';
  /** Which y axis: the left ('y') or the right ('y2'). */
  readonly scale?: 'y' | 'y2';
}

export interface ChartProps {
  /** Accessible name; the table under the chart has the same numbers. */
  readonly label: string;
  /**
   * x values in whole units: hours of the store's clock (0..23) or store days as day numbers
   * (report-labels.ts). Not uPlot's time scale: that one reads the browser's zone and language.
   */
  readonly x: readonly number[];
  /** How an x value reads under the chart, in the store's language (report-labels.ts). */
  readonly xLabel: (x: number) => string;
  /** Steps the x ticks may take (HOUR_STEPS, DAY_STEPS). */
  readonly xSteps: readonly number[];
  readonly series: readonly ChartSeries[];
  readonly yLabel: string;
  readonly y2Label?: string;
  readonly testId: string;
}

const HEIGHT = 260;
/** Room for one x label ("10:00 PM", "30 wrz"), in CSS pixels. */
const TICK_PX = 72;

/** A small uPlot chart that follows its container's width. */
export function Chart(props: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  // the y axes' numbers in the store's language too ("12,5" in Polish), not the browser's
  const { number } = useT();
  useEffect(() => {
    const el = box.current;
    if (!el || props.x.length === 0) return;
    const xMin = Math.min(...props.x);
    const xMax = Math.max(...props.x);
    const yValues = (_u: uPlot, splits: number[]) => splits.map((v) => number(v));
    const bars = uPlot.paths.bars?.({ size: [0.6, 60] });
    const opts: uPlot.Options = {
      width: Math.max(280, el.clientWidth),
      height: HEIGHT,
      scales: {
        // the data's own span, half a unit either side: the first and last bars are whole
        x: { time: false, range: () => [xMin - 0.5, xMax + 0.5] },
        y: { range: (_u, _min, max) => [0, Math.max(1, max)] },
      },
      series: [
        {},
        ...props.series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: s.kind === 'line' ? 3 : 1,
          fill: s.kind === 'bars' ? `${s.color}99` : undefined,
          scale: s.scale ?? 'y',
          spanGaps: true,
          ...(s.kind === 'bars' && bars ? { paths: bars, points: { show: false } } : {}),
        })),
      ],
      axes: [
        {
          splits: (u, _axis, min, max) => wholeTicks(min, max, u.width / TICK_PX, props.xSteps),
          values: (_u, splits) => splits.map((v) => props.xLabel(v)),
        },
        { label: props.yLabel, scale: 'y', values: yValues },
        ...(props.y2Label
          ? [
              {
                label: props.y2Label,
                scale: 'y2',
                side: 1 as const,
                grid: { show: false },
                values: yValues,
              },
            ]
          : []),
      ],
      legend: { live: false },
    };
    const data = [
      props.x as number[],
      ...props.series.map((s) => s.values as (number | null)[]),
    ] as uPlot.AlignedData;
    const plot = new uPlot(opts, data, el);
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(280, el.clientWidth), height: HEIGHT }),
    );
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [props, number]);
  // nothing recorded in the range: no chart rather than an empty grid (the table says so)
  if (props.x.length === 0) return null;
  return (
    <div
      ref={box}
      className="manager-chart"
      role="img"
      aria-label={props.label}
      data-testid={props.testId}
    />
  );
}
