/**
 * How the floor view makes an alert noticed: a short rising three-note signal (WebAudio, no
 * files) and a vibration. Both are extras: where a browser has no audio, blocks it until the
 * screen is touched, or cannot vibrate, they do nothing and the screen still shows the alert.
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

/** True when the browser holds sound back until someone touches the screen. */
export function soundBlocked(): boolean {
  try {
    return audio()?.state === 'suspended';
  } catch {
    return false;
  }
}

/** Call from a tap: lets the signal play from now on. */
export async function unlockSound(): Promise<void> {
  try {
    await audio()?.resume();
  } catch {
    // still silent; alerts show and vibrate anyway
  }
}

function tone(ctx: AudioContext, frequency: number, at: number, seconds: number): void {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = 'triangle';
  osc.frequency.value = frequency;
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(0.4, at + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + seconds);
  osc.connect(gain).connect(ctx.destination);
  osc.start(at);
  osc.stop(at + seconds + 0.05);
}

/** Plays the alert signal and vibrates, where the device can. */
export function signalAlert(): void {
  try {
    const ctx = audio();
    if (ctx) {
      if (ctx.state === 'suspended') ctx.resume().catch(() => undefined);
      const start = ctx.currentTime + 0.05;
      tone(ctx, 660, start, 0.25);
      tone(ctx, 880, start + 0.3, 0.25);
      tone(ctx, 1100, start + 0.6, 0.4);
    }
  } catch {
    // no sound on this device
  }
  try {
    navigator.vibrate?.([250, 120, 250, 120, 400]);
  } catch {
    // no vibration on this device
  }
}
