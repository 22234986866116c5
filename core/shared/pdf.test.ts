import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildPdfDocument, pdfString, textWidth, wrapText } from './pdf.ts';
import { readPdfText } from '../../tests/support/pdf-text.ts';

describe('shared PDF writer', () => {
  it('escapes parentheses and writes Norwegian letters as single WinAnsi bytes', () => {
    assert.equal(pdfString('Ærlig (Åse) \\ ø'), '(\xc6rlig \\(\xc5se\\) \\\\ \xf8)');
    assert.equal(pdfString('1–2 €'), '(1\x962 ?)');
  });

  it('wraps at spaces within the width and cuts words longer than a line', () => {
    const lines = wrapText('Kompetanseutvikling i helse og omsorg for alle tilsette', 100, 10);
    assert.ok(lines.length > 1);
    for (const line of lines) assert.ok(textWidth(line, 10) <= 100, line);
    assert.equal(lines.join(' '), 'Kompetanseutvikling i helse og omsorg for alle tilsette');
    const long = wrapText('Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 50, 10);
    assert.ok(long.length > 1);
    assert.equal(long.join(''), 'Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    assert.deepEqual(wrapText('a\nb', 500, 10), ['a', 'b']);
  });

  it('lays out headings, paragraphs and tables over pages, repeats the table header, and numbers the pages', () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`Område ${i + 1}`, String(i * 1000)]);
    const pdf = buildPdfDocument({
      title: 'Kompetanseplan 2027',
      footer: 'Fjordvik kommune',
      blocks: [
        { kind: 'heading', level: 1, text: 'Kompetanseplan 2027' },
        { kind: 'paragraph', text: 'Planen byggjer på kartlegginga i alle einingar. Særleg vekt på læring i arbeidet.' },
        { kind: 'table', header: ['Kompetanseområde', 'Kostnad'], rows, widths: [0.7, 0.3], right: [1] },
        { kind: 'pageBreak' },
        { kind: 'heading', level: 2, text: 'Fireårsperspektiv' },
      ],
    });
    const read = readPdfText(pdf);
    assert.ok(read.pageCount >= 3, `pages: ${read.pageCount}`);
    assert.equal(read.pages.length, read.pageCount);
    assert.ok(read.pages[0]!.includes('Kompetanseplan 2027'));
    assert.match(read.all, /Særleg vekt på læring i arbeidet/);
    // The header comes again on the second page; the last row is printed.
    assert.ok(read.pages[1]!.includes('Kompetanseområde'));
    assert.ok(read.all.includes('Område 120'));
    // The page break puts the last heading on a page of its own.
    assert.deepEqual(read.pages.at(-1)!.slice(0, 1), ['Fireårsperspektiv']);
    assert.ok(read.pages.at(-1)!.includes(`Fjordvik kommune · ${read.pageCount}/${read.pageCount}`));
    // Cross-reference offsets point at their objects.
    const text = pdf.toString('latin1');
    const xref = Number(/startxref\n(\d+)\n/.exec(text)![1]);
    const entries = [...text.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    entries.forEach((offset, i) => assert.ok(text.startsWith(`${i + 1} 0 obj`, offset), `object ${i + 1}`));
    assert.match(text, /\/Title \(Kompetanseplan 2027\)/);
  });

  it('writes one empty page for an empty document', () => {
    assert.equal(readPdfText(buildPdfDocument({ title: 'x', footer: 'f', blocks: [] })).pageCount, 1);
  });
});
