// Property tests (fast-check) of the import parser and row validator on generated bad input:
// whatever the bytes, the reader returns a structured result (never throws), and a refused
// file carries a message key that exists in all three languages.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import JSZip from 'jszip';
import { readImportFile, sniffDelimiter } from './read-file.ts';
import { parseEmployeeRows, parseDate } from './row.rules.ts';
import { buildPlan } from './plan.rules.ts';
import { suggestMapping } from './fields.ts';
import { translate, LANGUAGES } from '../../locales/index.ts';

const HEADER = 'Tilsettnummer;Førenamn;Etternamn;Einingskode;Stillingstittel;Stillingsprosent;Startdato';

function assertStructured(result: Awaited<ReturnType<typeof readImportFile>>) {
  if (result.ok) {
    assert.ok(Array.isArray(result.employees.headers));
    assert.equal(result.employees.rows.length, result.employees.rowNumbers.length);
  } else {
    for (const l of LANGUAGES) assert.notEqual(translate(l, result.problem.key, result.problem.params), result.problem.key, `untranslated ${result.problem.key}`);
  }
}

describe('readImportFile (property)', () => {
  it('never throws on random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => assertStructured(await readImportFile(bytes))),
      { numRuns: 300 },
    );
  });

  it('never throws on zip-looking garbage and truncated workbooks', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook/>');
    const valid = await zip.generateAsync({ type: 'uint8array' });
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: valid.length }), fc.uint8Array({ maxLength: 200 }), async (cut, tail) => {
        const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...valid.slice(4, Math.max(4, cut)), ...tail]);
        assertStructured(await readImportFile(bytes));
      }),
      { numRuns: 150 },
    );
  });

  it('refuses invalid UTF-8 with the encoding message, never guessing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 50 }), fc.constantFrom([0xc3, 0x28], [0xff], [0xe2, 0x82], [0xf0, 0x28, 0x8c]), async (text, badSeq) => {
        const bytes = new Uint8Array([...Buffer.from(`${HEADER}\n1;${text.replace(/\0/g, '')}`), ...badSeq, 0x0a]);
        const result = await readImportFile(bytes);
        assert.equal(result.ok, false);
        if (!result.ok) assert.equal(result.problem.key, 'import.file.encoding');
      }),
      { numRuns: 200 },
    );
  });

  it('reads the same table whatever the delimiter, with or without BOM, UTF-8 or UTF-16', async () => {
    const cell = fc.stringMatching(/^[A-Za-zÆØÅæøå0-9 ]{1,12}$/).map((s) => s.trim() || 'x');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 20 }), fc.constantFrom(';', ',', '\t'), fc.constantFrom('utf8', 'bom', 'utf16'), async (rows, d, enc) => {
        const text = ['A' + d + 'B' + d + 'C', ...rows.map((r) => r.join(d))].join('\r\n');
        const bytes = enc === 'utf16' ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) : Buffer.from(enc === 'bom' ? `\uFEFF${text}` : text, 'utf8');
        assert.equal(sniffDelimiter(text), d);
        const result = await readImportFile(bytes);
        assert.ok(result.ok);
        if (result.ok) assert.deepEqual(result.employees.rows, rows);
      }),
      { numRuns: 150 },
    );
  });
});

describe('row validation and plan (property)', () => {
  it('turns any cell content into rows or row issues, never an exception, and never plans writes for invalid rows', async () => {
    const anyCell = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('=1+1', '+47 99', '-5', '@x', '', '31.02.2020', '2020-13-01', '100', '0', 'x'.repeat(3000)));
    await fc.assert(
      fc.property(fc.array(fc.array(anyCell, { minLength: 7, maxLength: 7 }), { maxLength: 30 }), (cells) => {
        const headers = HEADER.split(';');
        const sheet = { name: 'CSV', headers, rows: cells.map((r) => r.map((c) => c.trim())), rowNumbers: cells.map((_, i) => i + 2) };
        const mapping = suggestMapping(headers, null);
        const parsed = parseEmployeeRows(sheet, mapping, { thisYear: 2026 });
        const plan = buildPlan(parsed.rows, parsed.units, { units: [], employments: [], styrkCodes: new Set() }, { mapping, endMissing: true, importDate: '2026-01-01' });
        const badRows = new Set([...parsed.issues, ...plan.issues].map((i) => i.row));
        for (const e of plan.employmentWrites) assert.ok(!badRows.has(parsed.rows.find((r) => r.employeeNumber === e.employeeNumber)!.row));
        for (const i of [...parsed.issues, ...plan.issues]) for (const l of LANGUAGES) assert.notEqual(translate(l, i.key, i.params), i.key);
      }),
      { numRuns: 300 },
    );
  });

  it('flags every repeated employee number', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 40 }), (numbers) => {
        const headers = HEADER.split(';');
        const rows = numbers.map((n) => [String(n), 'Kari', 'Nordmann', 'U1', 'Lærar', '100', '2020-01-01']);
        const sheet = { name: 'CSV', headers, rows, rowNumbers: rows.map((_, i) => i + 2) };
        const mapping = suggestMapping(headers, null);
        const parsed = parseEmployeeRows(sheet, mapping, { thisYear: 2026 });
        const plan = buildPlan(parsed.rows, parsed.units, { units: [{ id: 'u', parentId: null, code: 'U1', name: 'U', kind: 'kommune', path: 'u', depth: 0, version: 1 }], employments: [], styrkCodes: new Set() }, { mapping, endMissing: false, importDate: '2026-01-01' });
        const dupes = numbers.length - new Set(numbers).size;
        assert.equal(plan.issues.filter((i) => i.key === 'import.row.duplicate').length, dupes);
      }),
    );
  });

  it('parses only real calendar dates', () => {
    assert.equal(parseDate('2024-02-29'), '2024-02-29');
    assert.equal(parseDate('29.02.2023'), null);
    assert.equal(parseDate('01.12.2020'), '2020-12-01');
  });
});
