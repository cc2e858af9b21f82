import jsQR from 'jsqr';
import type { Locator } from 'playwright-core';

/**
 * Reads a QR code on screen as a tablet's camera would: the drawn SVG is rasterised in the
 * page, then decoded from its pixels with jsQR. What the code carries is what it returns, not
 * any attribute the page put beside it.
 */
export async function scanQrCode(svg: Locator): Promise<string> {
  await svg.locator('path[d^="M"]').waitFor({ state: 'attached' });
  const image = await svg.evaluate(async (el) => {
    const size = 320;
    const xml = new XMLSerializer().serializeToString(el);
    const img = new Image(size, size);
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(xml)}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, size, size);
    ctx.drawImage(img, 0, 0, size, size);
    // base64, not a JSON array of numbers: a third of a million of those crawls over CDP
    const data = ctx.getImageData(0, 0, size, size).data;
    let binary = '';
    for (let i = 0; i < data.length; i += 8192) {
      binary += String.fromCharCode(...data.subarray(i, i + 8192));
    }
    return { size, pixels: btoa(binary) };
  });
  const pixels = new Uint8ClampedArray(Buffer.from(image.pixels, 'base64'));
  const code = jsQR(pixels, image.size, image.size);
  if (!code) throw new Error('no QR code could be read from the screen');
  return code.data;
}
