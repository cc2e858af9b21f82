/**
 * A receipt as ESC/POS bytes, for the common 80 mm thermal printers (Epson TM-T20/T88 and the
 * many compatibles) over WebUSB. Text mode knows only the printer's code page, so text is
 * folded to ASCII ("Odbiór" prints "Odbior"); scripts without a Latin form (Hindi, Arabic,
 * Russian) should use the browser print path instead, which renders any font.
 */
export interface EscPosReceipt {
  readonly header?: string;
  readonly store: string;
  readonly label: string;
  readonly number: string;
  readonly service: string;
  readonly priority?: string;
  readonly ahead?: string;
  readonly time: string;
  readonly track: string;
  readonly url: string;
  readonly footer?: string;
}

const ESC = 0x1b;
const GS = 0x1d;
const LF = 0x0a;

/**
 * Folds text to printable ASCII: accents and invisible direction marks (the isolates around
 * names in right-to-left messages) dropped, anything else becomes "?".
 */
export function asciiFold(text: string): string {
  return text
    .replace(/[\u200e\u200f\u2066-\u2069]/g, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łŁ]/g, (c) => (c === 'ł' ? 'l' : 'L'))
    .replace(/[–—]/g, '-')
    .replace(/[‘’]/g, "'")
    .replace(/[“”„]/g, '"')
    .replace(/…/g, '...')
    .replace(/[^\x20-\x7e]/g, '?');
}

function textBytes(text: string): number[] {
  return Array.from(asciiFold(text), (c) => c.charCodeAt(0));
}

/** GS ( k: store the QR data, then print it (model 2, module size 6, error correction M). */
function qrBytes(data: string): number[] {
  const payload = textBytes(data);
  const len = payload.length + 3;
  return [
    ...[GS, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0x00],
    ...[GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, 6],
    ...[GS, 0x28, 0x6b, 3, 0, 0x31, 0x45, 0x31],
    ...[GS, 0x28, 0x6b, len & 0xff, len >> 8, 0x31, 0x50, 0x30, ...payload],
    ...[GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30],
  ];
}

export function receiptEscPos(r: EscPosReceipt): Uint8Array {
  const out: number[] = [];
  const line = (text: string, size = 0x00, bold = false) => {
    out.push(GS, 0x21, size, ESC, 0x45, bold ? 1 : 0, ...textBytes(text), LF);
  };
  out.push(ESC, 0x40); // initialise
  out.push(ESC, 0x61, 1); // centre
  if (r.header) line(r.header);
  line(r.store, 0x11, true);
  out.push(LF);
  line(r.label);
  line(r.number, 0x55, true);
  line(r.service, 0x01, true);
  if (r.priority) line(`* ${r.priority} *`, 0x00, true);
  if (r.ahead) line(r.ahead);
  line(r.time);
  out.push(LF);
  line(r.track);
  out.push(...qrBytes(r.url), LF);
  if (r.footer) line(r.footer);
  out.push(ESC, 0x64, 4); // feed 4 lines
  out.push(GS, 0x56, 0x42, 0); // feed and partial cut
  return Uint8Array.from(out);
}
