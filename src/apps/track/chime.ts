import { play, unlockSound, type Signal } from '../../ui/signal.ts';

/**
 * The phone's chime for "soon" and "called" (WebAudio tones from ui/signal.ts, the board's
 * sound code). Phones keep a page silent until it is touched: the tap that turns alerts on
 * (AlertsSwitch.tsx) unlocks it; until then the chime simply does not play.
 */
const SOON: Signal = {
  wave: 'sine',
  volume: 0.3,
  tones: [
    { frequency: 660, at: 0, seconds: 0.35 },
    { frequency: 880, at: 0.3, seconds: 0.5 },
  ],
};

/** The board's two-note "ding-dong", three times: hard to miss in a pocket. */
const CALLED: Signal = {
  wave: 'sine',
  volume: 0.4,
  tones: [0, 1.2, 2.4].flatMap((at) => [
    { frequency: 880, at, seconds: 0.6 },
    { frequency: 659.25, at: at + 0.45, seconds: 0.7 },
  ]),
};

export function chime(kind: 'soon' | 'called'): void {
  play(kind === 'called' ? CALLED : SOON);
}

export { unlockSound };
