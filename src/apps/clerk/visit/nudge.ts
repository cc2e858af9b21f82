/**
 * The browse re-check nudge: a short double beep (WebAudio, no files) and a vibration where
 * the device has one. Both are extras: without audio, with autoplay blocked (before the first
 * tap after a reload) or headless, they do nothing and the screen still shows the nudge.
 */
let context: AudioContext | undefined;

function audio(): AudioContext | undefined {
  try {
    context ??= new AudioContext();
    return context;
  } catch {
    return undefined;
  }
}

/** Call from a tap: browsers let a page make sound only after it was touched. */
export function unlockNudgeSound(): void {
  const ctx = audio();
  if (ctx?.state === 'suspended') ctx.resume().catch(() => undefined);
}

export function nudge(): void {
  try {
    navigator.vibrate?.([180, 90, 180]);
  } catch {
    // no vibration motor, or not allowed
  }
  const ctx = audio();
  if (!ctx) return;
  try {
    if (ctx.state === 'suspended') ctx.resume().catch(() => undefined);
    const start = ctx.currentTime + 0.03;
    beep(ctx, 988, start, 0.16);
    beep(ctx, 988, start + 0.26, 0.16);
  } catch {
    // the screen shows the nudge anyway
  }
}

function beep(ctx: AudioContext, frequency: number, at: number, seconds: number): void {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = 'triangle';
  osc.frequency.value = frequency;
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(0.3, at + 0.015);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + seconds);
  osc.connect(gain).connect(ctx.destination);
  osc.start(at);
  osc.stop(at + seconds + 0.03);
}
