import { play, unlockSound, vibrate, type Signal } from '../../../ui/signal.ts';

/**
 * The browse re-check nudge: a short double beep (WebAudio, no files) and a vibration where
 * the device has one. Both are extras: without audio, with autoplay blocked (before the first
 * tap after a reload) or headless, they do nothing and the screen still shows the nudge.
 */
const DOUBLE_BEEP: Signal = {
  wave: 'triangle',
  volume: 0.3,
  tones: [
    { frequency: 988, at: 0, seconds: 0.16 },
    { frequency: 988, at: 0.26, seconds: 0.16 },
  ],
};

/** Call from a tap: browsers let a page make sound only after it was touched. */
export function unlockNudgeSound(): void {
  void unlockSound();
}

export function nudge(): void {
  vibrate([180, 90, 180]);
  play(DOUBLE_BEEP);
}
