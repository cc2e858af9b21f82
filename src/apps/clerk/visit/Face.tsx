import type { Satisfaction } from '../../../domain/visit/types.ts';

const MOUTH: Record<Satisfaction, string> = {
  bad: 'M15 33 Q24 25 33 33',
  neutral: 'M15 31 L33 31',
  good: 'M15 29 Q24 37 33 29',
};

/** A drawn face for a rating: unhappy, neutral, happy. */
export function Face({ kind, size }: { kind: Satisfaction; size: number }) {
  return (
    <svg viewBox="0 0 48 48" width={size} height={size} aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="21" fill="currentColor" opacity="0.15" />
      <circle cx="24" cy="24" r="21" fill="none" stroke="currentColor" strokeWidth="3" />
      <circle cx="17" cy="19" r="2.6" fill="currentColor" />
      <circle cx="31" cy="19" r="2.6" fill="currentColor" />
      <path
        d={MOUTH[kind]}
        fill="none"
        stroke="currentColor"
        strokeWidth="3"
        strokeLinecap="round"
      />
    </svg>
  );
}
