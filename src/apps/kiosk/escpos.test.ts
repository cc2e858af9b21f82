import { describe, expect, it } from 'vitest';
import { asciiFold, receiptEscPos } from './escpos.ts';

const receipt = {
  store: 'Sklep demonstracyjny',
  label: 'Twój numer',
  number: 'A023',
  service: 'Odbiór zamówień',
  time: 'Pobrano o 14:05',
  track: 'Śledź kolejkę:',
  url: 'http://10.0.0.5:8080/t/abcdefghijklmnopqrstuvwxyz?lang=pl',
};

function indexOf(haystack: Uint8Array, needle: number[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const bytes = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

describe('ESC/POS receipt', () => {
  const out = receiptEscPos(receipt);

  it('initialises, centres, prints the number large and cuts at the end', () => {
    expect([...out.slice(0, 5)]).toEqual([0x1b, 0x40, 0x1b, 0x61, 1]);
    const number = indexOf(out, bytes('A023'));
    expect(number).toBeGreaterThan(0);
    expect([...out.slice(number - 6, number - 3)]).toEqual([0x1d, 0x21, 0x55]);
    expect([...out.slice(-4)]).toEqual([0x1d, 0x56, 0x42, 0]);
  });

  it('stores the tracking URL as a QR code and prints it', () => {
    const len = receipt.url.length + 3;
    const store = indexOf(out, [0x1d, 0x28, 0x6b, len & 0xff, len >> 8, 0x31, 0x50, 0x30]);
    expect(store).toBeGreaterThan(0);
    expect(indexOf(out, bytes(receipt.url))).toBe(store + 8);
    expect(indexOf(out, [0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30])).toBeGreaterThan(store);
  });

  it('folds text to ASCII for the printer', () => {
    expect(asciiFold('Odbiór zamówień – Łódź…')).toBe('Odbior zamowien - Lodz...');
    expect(asciiFold('Ön előtt')).toBe('On elott');
    expect(asciiFold('Окно')).toBe('????');
    // a name isolated inside a right-to-left message prints without its invisible marks
    expect(asciiFold('\u2068Counter 1\u2069.')).toBe('Counter 1.');
    expect(indexOf(out, bytes('Odbior zamowien'))).toBeGreaterThan(0);
    expect([...out].every((b) => b < 0x80)).toBe(true);
  });
});
