// An employee's roster as a small PDF (PDF 1.4): A4 pages with a title, a line of facts and
// one line per shift (date, weekday, shift, time), in the standard Helvetica font with
// WinAnsi encoding (covers æ, ø, å), written by the shared core/shared/pdf.ts; pure.
import { LINE, MARGIN, PAGE_H, pdfString, writePdf } from '../shared/pdf.ts';

export interface PdfInput {
  title: string;
  subtitle: string;
  /** Column headers and rows of text. */
  header: readonly string[];
  rows: readonly (readonly string[])[];
  /** x offset of each column from the left margin. */
  columns: readonly number[];
  footer: string;
}

export function buildRosterPdf(input: PdfInput): Buffer {
  const perPage = Math.floor((PAGE_H - 2 * MARGIN - 4 * LINE) / LINE);
  const pages: (readonly (readonly string[])[])[] = [];
  for (let i = 0; i < Math.max(1, input.rows.length); i += perPage) pages.push(input.rows.slice(i, i + perPage));
  const streams = pages.map((rows, p) => {
    const ops: string[] = ['BT'];
    let y = PAGE_H - MARGIN;
    const text = (x: number, font: 'F1' | 'F2', size: number, s: string) => ops.push(`/${font} ${size} Tf 1 0 0 1 ${x} ${y} Tm ${pdfString(s)} Tj`);
    text(MARGIN, 'F2', 16, input.title);
    y -= LINE * 1.5;
    text(MARGIN, 'F1', 10, input.subtitle);
    y -= LINE * 1.5;
    input.header.forEach((h, c) => text(MARGIN + (input.columns[c] ?? 0), 'F2', 10, h));
    for (const row of rows) {
      y -= LINE;
      row.forEach((cell, c) => text(MARGIN + (input.columns[c] ?? 0), 'F1', 10, cell));
    }
    y = MARGIN / 2;
    text(MARGIN, 'F1', 8, `${input.footer} · ${p + 1}/${pages.length}`);
    ops.push('ET');
    return ops.join('\n');
  });
  return writePdf(streams, { title: input.title });
}
