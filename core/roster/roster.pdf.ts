// An employee's roster as a small PDF (PDF 1.4): A4 pages with a title, a line of facts and
// one line per shift (date, weekday, shift, time), in the standard Helvetica font with
// WinAnsi encoding (covers æ, ø, å). Hand-written so no PDF library is needed; pure.

const PAGE_W = 595;
const PAGE_H = 842;
const MARGIN = 56;
const LINE = 16;

/** Text as a PDF literal string in WinAnsi (Latin-1 for the letters we use); other characters become '?'. */
function pdfString(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const byte = ch === '–' ? 0x96 : ch === '·' ? 0xb7 : code < 256 ? code : 0x3f;
    const c = String.fromCharCode(byte);
    out += c === '(' || c === ')' || c === '\\' ? `\\${c}` : c;
  }
  return `(${out})`;
}

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
  const objects: string[] = [];
  // 1 catalog, 2 pages, 3 font, 4 bold font, then per page: page object and content stream.
  const pageIds = pages.map((_, i) => 5 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';
  pages.forEach((rows, p) => {
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
    const stream = ops.join('\n');
    objects[pageIds[p]!] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageIds[p]! + 1} 0 R >>`;
    objects[pageIds[p]! + 1] = `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`;
  });
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(body, 'latin1');
    body += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) body += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
