// Read a PDF written by core/shared/pdf.ts back for tests: the page count from the page tree,
// and the text of each page from its (uncompressed) content stream, WinAnsi decoded. Only the
// subset of PDF our writer produces; not a general PDF parser.

const WINANSI_BACK: Record<number, string> = { 0x96: '–', 0x97: '—', 0xb7: '·', 0x92: '’', 0x95: '•' };

function unescape(literal: string): string {
  let out = '';
  for (let i = 0; i < literal.length; i++) {
    const c = literal[i]!;
    if (c === '\\' && i + 1 < literal.length) {
      out += literal[++i]!;
      continue;
    }
    const code = c.charCodeAt(0);
    out += WINANSI_BACK[code] ?? c;
  }
  return out;
}

export interface PdfText {
  pageCount: number;
  /** The text pieces of each page, in drawing order. */
  pages: string[][];
  /** Every page's pieces joined with spaces. */
  all: string;
}

export function readPdfText(pdf: Buffer): PdfText {
  const text = pdf.toString('latin1');
  if (!text.startsWith('%PDF-')) throw new Error('not a PDF');
  const count = /\/Type \/Pages \/Kids \[[^\]]*\] \/Count (\d+)/.exec(text);
  const pages: string[][] = [];
  for (const m of text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
    const start = m.index! + m[0].length;
    const stream = text.slice(start, start + Number(m[1]));
    pages.push([...stream.matchAll(/\(((?:\\.|[^\\)])*)\) Tj/g)].map((t) => unescape(t[1]!)));
  }
  return { pageCount: Number(count?.[1] ?? 0), pages, all: pages.map((p) => p.join(' ')).join(' ') };
}
