/**
 * QR codes of URLs (pairing links, a ticket's tracking page, the store-network setup page):
 * pure encoding, shared by the devices' screens and the hub's terminal and setup page.
 */
import qrcode from 'qrcode-generator';

/** A QR code as an SVG path of its dark modules (1 unit per module), made on the device. */
export interface QrPath {
  readonly size: number;
  readonly d: string;
}

/**
 * Encodes `text` (a URL) with medium error correction, good for a phone camera reading a
 * screen or a thermal print. Each dark run of a row becomes one rectangle in the path.
 */
export function qrPath(text: string): QrPath {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  const parts: string[] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!qr.isDark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && qr.isDark(row, col)) col++;
      parts.push(`M${start} ${row}h${col - start}v1h-${col - start}z`);
    }
  }
  return { size, d: parts.join('') };
}

/** The dark modules as a matrix (for ESC/POS raster printing and tests). */
export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  return Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, col) => qr.isDark(row, col)),
  );
}
