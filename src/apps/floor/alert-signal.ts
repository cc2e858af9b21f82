import { play, soundBlocked, unlockSound, vibrate, type Signal } from '../../ui/signal.ts';

/**
 * How the floor view makes an alert noticed: a short rising three-note signal (WebAudio, no
 * files) and a vibration. Both are extras: where a browser has no audio, blocks it until the
 * screen is touched, or cannot vibrate, they do nothing and the screen still shows the alert.
 */
const RISING: Signal = {
  wave: 'triangle',
  volume: 0.4,
  tones: [
    { frequency: 660, at: 0, seconds: 0.25 },
    { frequency: 880, at: 0.3, seconds: 0.25 },
    { frequency: 1100, at: 0.6, seconds: 0.4 },
  ],
};

export { soundBlocked, unlockSound };

/** Plays the alert signal and vibrates, where the device can. */
export function signalAlert(): void {
  play(RISING);
  vibrate([250, 120, 250, 120, 400]);
}
