/** Page sizes (in PostScript points, 1/72 inch) from a PDF's /MediaBox entries. */
export function pdfPageSizes(pdf: Uint8Array): { width: number; height: number }[] {
  const text = new TextDecoder('latin1').decode(pdf);
  return [
    ...text.matchAll(/\/MediaBox\s*\[\s*([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s*\]/g),
  ].map((m) => ({
    width: Number(m[3]) - Number(m[1]),
    height: Number(m[4]) - Number(m[2]),
  }));
}

export const MM_TO_PT = 72 / 25.4;
