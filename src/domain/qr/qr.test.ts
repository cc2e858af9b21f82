import { describe, expect, it } from 'vitest';
import { qrMatrix, qrPath } from './qr.ts';

describe('qrPath', () => {
  const url = 'http://192.168.1.20:8080/t/abcdefghijklmnopqrstuvwxyz?lang=pl';

  it('draws exactly the dark modules of the code', () => {
    const matrix = qrMatrix(url);
    const { size, d } = qrPath(url);
    expect(size).toBe(matrix.length);
    const painted = [...d.matchAll(/M(\d+) (\d+)h(\d+)/g)].reduce((n, m) => n + Number(m[3]), 0);
    expect(painted).toBe(matrix.flat().filter(Boolean).length);
  });

  it('has the three finder patterns in the corners', () => {
    const m = qrMatrix(url);
    const n = m.length;
    for (const [r, c] of [
      [0, 0],
      [0, n - 7],
      [n - 7, 0],
    ] as const) {
      expect(m[r]![c]).toBe(true);
      expect(m[r + 6]![c + 6]).toBe(true);
      expect(m[r + 1]![c + 1]).toBe(false);
      expect(m[r + 3]![c + 3]).toBe(true);
    }
  });

  it('is deterministic and grows with the text', () => {
    expect(qrPath(url)).toEqual(qrPath(url));
    expect(qrPath(`${url}${'x'.repeat(200)}`).size).toBeGreaterThan(qrPath(url).size);
  });
});
