import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { terminalQr } from './terminal-qr.ts';

/** Paints the half-block text back into pixels (a block is light) and reads it as a camera. */
function readBack(text: string): string | undefined {
  const lines = text.split('\n');
  const scale = 6;
  const width = [...lines[0]!].length * scale;
  const height = lines.length * 2 * scale;
  const pixels = new Uint8ClampedArray(width * height * 4);
  lines.forEach((line, row) =>
    [...line].forEach((ch, col) => {
      const light = [ch === '█' || ch === '▀', ch === '█' || ch === '▄'];
      for (let half = 0; half < 2; half++) {
        for (let y = 0; y < scale; y++) {
          for (let x = 0; x < scale; x++) {
            const i = (((row * 2 + half) * scale + y) * width + col * scale + x) * 4;
            pixels.fill(light[half] ? 255 : 0, i, i + 3);
            pixels[i + 3] = 255;
          }
        }
      }
    }),
  );
  return jsQR(pixels, width, height)?.data;
}

describe('the setup page as a QR code in the terminal', () => {
  it('reads back as the address', () => {
    const url = 'http://queue.myshop.lan:8081/';
    expect(readBack(terminalQr(url))).toBe(url);
  });
});
