// A small dependency-free PDF writer (PDF 1.4), shared by every export that prints: A4 pages in
// the standard Helvetica fonts with WinAnsi encoding (covers æ, ø, å and the other Norwegian
// letters). Two levels: `writePdf` turns finished page content streams into a file, and
// `buildPdfDocument` lays out headings, wrapped paragraphs, tables (header repeated after a page
// break, numbers right-aligned) and explicit page breaks, with a footer and page numbers. Pure.

export const PAGE_W = 595;
export const PAGE_H = 842;
export const MARGIN = 56;
export const LINE = 16;

/** Text as a PDF literal string in WinAnsi (Latin-1 for the letters we use); other characters become '?'. */
export function pdfString(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const byte = ch === '–' ? 0x96 : ch === '—' ? 0x97 : ch === '·' ? 0xb7 : ch === '\u00a0' || ch === '\u202f' ? 0x20 : ch === '’' ? 0x92 : ch === '•' ? 0x95 : code < 256 ? code : 0x3f;
    const c = String.fromCharCode(byte);
    out += c === '(' || c === ')' || c === '\\' ? `\\${c}` : c;
  }
  return `(${out})`;
}

/**
 * A finished PDF from page content streams (text operators using /F1 = Helvetica, /F2 =
 * Helvetica-Bold). `title` goes into the document information.
 */
export function writePdf(pageStreams: readonly string[], options: { title?: string } = {}): Buffer {
  const pages = pageStreams.length === 0 ? [''] : pageStreams;
  const objects: string[] = [];
  // 1 catalog, 2 pages, 3 font, 4 bold font, 5 info, then per page: page object and content stream.
  const pageIds = pages.map((_, i) => 6 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';
  objects[5] = `<< /Producer (Rytme)${options.title ? ` /Title ${pdfString(options.title)}` : ''} >>`;
  pages.forEach((stream, p) => {
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
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

// ---------------------------------------------------------------- layout

// Helvetica advance widths (per 1000 units of font size) for the letters we print; others count as 556.
const WIDTHS: Record<string, number> = {
  ' ': 278, '.': 278, ',': 278, ':': 278, ';': 278, '-': 333, '–': 556, '(': 333, ')': 333, '/': 278, '%': 889, '+': 584, '=': 584, "'": 191, '"': 355, '!': 278, '?': 556, '·': 278,
  a: 556, b: 556, c: 500, d: 556, e: 556, f: 278, g: 556, h: 556, i: 222, j: 222, k: 500, l: 222, m: 833, n: 556, o: 556, p: 556, q: 556, r: 333, s: 500, t: 278, u: 556, v: 500, w: 722, x: 500, y: 500, z: 500,
  A: 667, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778, H: 722, I: 278, J: 500, K: 667, L: 556, M: 833, N: 722, O: 778, P: 667, Q: 778, R: 722, S: 667, T: 611, U: 722, V: 667, W: 944, X: 667, Y: 667, Z: 611,
  æ: 889, ø: 611, å: 556, Æ: 1000, Ø: 778, Å: 667, é: 556, ü: 556, ö: 556, ä: 556,
};

/** Width of a text in points (bold letters are about 6 % wider). */
export function textWidth(text: string, size: number, bold = false): number {
  let units = 0;
  for (const ch of text) units += WIDTHS[ch] ?? 556;
  return (units * size * (bold ? 1.06 : 1)) / 1000;
}

/** Break a text into lines no wider than `width` (at spaces; a word longer than a line is cut). Keeps explicit line breaks. */
export function wrapText(text: string, width: number, size: number, bold = false): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (textWidth(candidate, size, bold) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (textWidth(rest, size, bold) > width && rest.length > 1) {
        let n = rest.length - 1;
        while (n > 1 && textWidth(rest.slice(0, n), size, bold) > width) n--;
        lines.push(rest.slice(0, n));
        rest = rest.slice(n);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

export type PdfBlock =
  | { kind: 'heading'; text: string; level: 1 | 2 | 3 }
  | { kind: 'paragraph'; text: string; size?: number }
  | {
      kind: 'table';
      header: readonly string[];
      rows: ReadonlyArray<readonly string[]>;
      /** Share of the line width per column (sums to 1). */
      widths: readonly number[];
      /** Right-align these columns (numbers). */
      right?: readonly number[];
      /** Rows printed bold (e.g. a total). */
      boldRows?: readonly number[];
    }
  | { kind: 'pageBreak' };

export interface PdfDocumentInput {
  title: string;
  blocks: readonly PdfBlock[];
  /** Printed at the bottom of every page, followed by "page/pages". */
  footer: string;
}

const HEADING_SIZE = { 1: 18, 2: 14, 3: 12 } as const;
const BODY_SIZE = 10;
const TABLE_SIZE = 9;
const TABLE_LINE = 12;
const BOTTOM = MARGIN + 10;

/** Lay the blocks out on A4 pages and write the PDF. */
export function buildPdfDocument(input: PdfDocumentInput): Buffer {
  const width = PAGE_W - 2 * MARGIN;
  const pages: string[][] = [[]];
  let ops: string[] = pages[0]!;
  let y = PAGE_H - MARGIN;
  const newPage = () => {
    ops = [];
    pages.push(ops);
    y = PAGE_H - MARGIN;
  };
  const text = (x: number, yy: number, s: string, size: number, bold: boolean) => ops.push(`BT /${bold ? 'F2' : 'F1'} ${size} Tf 1 0 0 1 ${x.toFixed(2)} ${yy.toFixed(2)} Tm ${pdfString(s)} Tj ET`);
  const rule = (yy: number, weight = 0.5) => ops.push(`${weight} w ${MARGIN} ${yy.toFixed(2)} m ${MARGIN + width} ${yy.toFixed(2)} l S`);
  const ensure = (height: number) => {
    if (y - height < BOTTOM && y < PAGE_H - MARGIN) newPage();
  };

  for (const block of input.blocks) {
    if (block.kind === 'pageBreak') {
      if (y < PAGE_H - MARGIN) newPage();
    } else if (block.kind === 'heading') {
      const size = HEADING_SIZE[block.level];
      const lines = wrapText(block.text, width, size, true);
      // Keep a heading together with at least two lines of what follows.
      ensure(lines.length * size * 1.3 + size * 0.6 + 2 * LINE);
      if (y < PAGE_H - MARGIN) y -= size * 0.6;
      for (const line of lines) {
        y -= size * 1.2;
        text(MARGIN, y, line, size, true);
      }
      y -= size * 0.4;
    } else if (block.kind === 'paragraph') {
      const size = block.size ?? BODY_SIZE;
      for (const line of wrapText(block.text, width, size)) {
        ensure(size * 1.45);
        y -= size * 1.45;
        text(MARGIN, y, line, size, false);
      }
      y -= size * 0.6;
    } else {
      const cols = block.widths.map((w) => w * width);
      const xs = cols.map((_, i) => MARGIN + cols.slice(0, i).reduce((s, c) => s + c, 0));
      const right = new Set(block.right ?? []);
      const bold = new Set(block.boldRows ?? []);
      const drawRow = (cells: readonly string[], isBold: boolean, header: boolean) => {
        const wrapped = cells.map((c, i) => wrapText(c, Math.max(10, (cols[i] ?? 0) - 6), TABLE_SIZE, isBold));
        const height = Math.max(1, ...wrapped.map((w) => w.length)) * TABLE_LINE + 4;
        return { wrapped, height, isBold, header };
      };
      const header = drawRow(block.header, true, true);
      const paint = (row: ReturnType<typeof drawRow>) => {
        row.wrapped.forEach((lines, i) => {
          lines.forEach((line, l) => {
            const yy = y - (l + 1) * TABLE_LINE + 2;
            const x = right.has(i) ? xs[i]! + (cols[i] ?? 0) - 4 - textWidth(line, TABLE_SIZE, row.isBold) : xs[i]! + 2;
            text(x, yy, line, TABLE_SIZE, row.isBold);
          });
        });
        y -= row.height;
        rule(y + 1, row.header ? 0.8 : 0.3);
      };
      ensure(header.height + TABLE_LINE * 2);
      y -= 4;
      paint(header);
      block.rows.forEach((cells, r) => {
        const row = drawRow(cells, bold.has(r), false);
        if (y - row.height < BOTTOM) {
          newPage();
          paint(header);
        }
        paint(row);
      });
      y -= LINE * 0.6;
    }
  }
  const total = pages.length;
  const streams = pages.map((page, p) => {
    const footer = `BT /F1 8 Tf 1 0 0 1 ${MARGIN} ${MARGIN / 2} Tm ${pdfString(`${input.footer} · ${p + 1}/${total}`)} Tj ET`;
    return [...page, footer].join('\n');
  });
  return writePdf(streams, { title: input.title });
}
