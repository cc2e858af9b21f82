import { afterFrame } from '../../ui/after-frame.ts';
import { enableScriptFonts } from '../../ui/script-fonts.ts';
import { removeFirstPaint } from './first-paint-layer.ts';

/**
 * When the device's first screen has been shown. Work that the first screen does not need
 * (the MQTT client, other languages) waits for it, so a cheap tablet paints sooner.
 */
let markShown: () => void = () => {};
const shown = new Promise<void>((resolve) => (markShown = resolve));

export function markFirstScreenShown(): void {
  removeFirstPaint();
  // once it is on the screen: the frame that draws it, and the next one (a frame's paint
  // reaches the screen a moment after its task ends). A request started before competes with
  // the paint for the network, and Lighthouse counts it in the first screen's largest paint.
  afterFrame(() => afterFrame(markShown));
  // the other scripts' fonts (the kiosk's language buttons) once the screen is up
  void afterFirstScreen().then(enableScriptFonts);
}

/** Resolves once the first screen was shown and the browser is idle; at most `maxMs` later. */
export function afterFirstScreen(maxMs = 3000): Promise<void> {
  const deadline = new Promise<void>((resolve) => setTimeout(resolve, maxMs));
  return Promise.race([shown, deadline]).then(
    () =>
      new Promise<void>((resolve) => {
        if (typeof requestIdleCallback === 'function') {
          requestIdleCallback(() => resolve(), { timeout: 300 });
        } else setTimeout(resolve, 0);
      }),
  );
}
