/**
 * A QR code for a terminal: two rows of modules per line with half blocks, dark on light,
 * with a quiet zone, so a phone or tablet can scan the setup page's address off the screen.
 */
import { qrMatrix } from '../domain/qr/qr.ts';

const QUIET = 2;

export function terminalQr(text: string): string {
  const matrix = qrMatrix(text);
  const size = matrix.length + QUIET * 2;
  const dark = (row: number, col: number): boolean => matrix[row - QUIET]?.[col - QUIET] === true;
  const lines: string[] = [];
  for (let row = 0; row < size; row += 2) {
    let line = '';
    for (let col = 0; col < size; col++) {
      const top = dark(row, col);
      const bottom = dark(row + 1, col);
      // light is a full block, dark is a space: dark modules on a light quiet zone
      line += top ? (bottom ? ' ' : '▄') : bottom ? '▀' : '█';
    }
    lines.push(line);
  }
  return lines.join('\n');
}
