import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildRosterPdf } from './roster.pdf.ts';

describe('roster PDF', () => {
  it('writes a well-formed PDF: every xref offset points at its object, text in WinAnsi, pages split', () => {
    const rows = Array.from({ length: 60 }, (_, i) => [`2027-03-${String((i % 28) + 1).padStart(2, '0')}`, 'må', 'Nattevakt (N)', '22:15–07:15']);
    const pdf = buildRosterPdf({ title: 'Turnus for Kari Ødegård', subtitle: 'Fjordheimen (Åsane)', header: ['Dato', 'Dag', 'Vakt', 'Tid'], rows, columns: [0, 90, 130, 280], footer: 'Rytme' });
    const text = pdf.toString('latin1');
    assert.ok(text.startsWith('%PDF-1.4\n'));
    assert.ok(text.endsWith('%%EOF\n'));
    const xref = Number(/startxref\n(\d+)\n/.exec(text)![1]);
    assert.equal(text.slice(xref, xref + 4), 'xref');
    const entries = [...text.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    entries.forEach((offset, i) => assert.ok(text.startsWith(`${i + 1} 0 obj`, offset), `object ${i + 1} at ${offset}`));
    // 60 lines do not fit on one A4 page.
    assert.match(text, /\/Count 2 >>/);
    // Ø and Å are single WinAnsi bytes; the en dash is 0x96; parentheses would be escaped.
    assert.ok(pdf.includes(Buffer.from([0xd8])));
    assert.ok(pdf.includes(Buffer.from('(Fjordheimen \\(\xc5sane\\))', 'latin1')));
    assert.ok(pdf.includes(Buffer.from('22:15\x9607:15', 'latin1')));
    // Stream lengths match their content.
    for (const m of text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
      const start = m.index! + m[0].length;
      assert.equal(text.slice(start + Number(m[1]), start + Number(m[1]) + 10), '\nendstream');
    }
  });
});
