// HR import through the core use cases on a real database: happy path (creates, updates,
// deactivations, unit tree), idempotent re-import, remembered mapping, every named bad-file
// kind refused with a translated reason and no change, and a failing commit that writes nothing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { createTenant, createUnit, createPerson } from '../support/factories.ts';
import { uploadImportFile } from '../../core/import/upload-import-file.ts';
import { requestImportPreview } from '../../core/import/request-import-preview.ts';
import { previewImport } from '../../core/import/preview-import.ts';
import { requestImportCommit } from '../../core/import/request-import-commit.ts';
import { commitImport } from '../../core/import/commit-import.ts';
import { getImportRun } from '../../core/import/get-import-run.ts';
import { suggestMapping, type ImportMapping } from '../../core/import/fields.ts';
import { AppError } from '../../core/shared/app-error.ts';
import type { SystemActor } from '../../core/shared/actor.ts';
import { translate } from '../../locales/index.ts';
import { countImportTables } from '../../db/repositories/import.repository.ts';
import { auditLog, employments, orgUnits, persons } from '../../db/schema/index.ts';
import { eq, sql } from 'drizzle-orm';
import { organisationCsv, toCsv } from '../fixtures/import/generate.ts';

const noop = async () => undefined;

describe('HR import (core, real database)', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase({ reference: true });
  });
  after(async () => {
    await t?.close();
  });

  async function fresh() {
    const tenant = await createTenant(t.database);
    const actor: SystemActor = { kind: 'system', tenantId: tenant.id, purpose: 'test' };
    return { tenant, actor };
  }

  async function counts(tenantId: string) {
    return t.database.withTenant(tenantId, async (tx) => {
      const c = await countImportTables(tx);
      const [a] = await tx.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(sql`action not like 'import.%'`);
      return { ...c, audit: a!.n };
    });
  }

  /** Upload, map (suggested or given), preview; returns the run id and preview result. */
  async function preview(actor: SystemActor, file: Uint8Array, options: { mapping?: ImportMapping; endMissing?: boolean; name?: string } = {}) {
    const { runId } = await uploadImportFile({ database: t.database, actor, fileName: options.name ?? 'hr.csv', bytes: file, createdBy: randomUUID() });
    const view = await getImportRun({ database: t.database, actor, runId });
    await requestImportPreview({ database: t.database, actor, runId, mapping: options.mapping ?? view.mapping, mappingVersion: view.mappingVersion, endMissing: options.endMissing ?? true, enqueue: noop });
    const result = await previewImport({ database: t.database, actor, runId });
    return { runId, result };
  }

  async function commit(actor: SystemActor, runId: string) {
    await requestImportCommit({ database: t.database, actor, runId, enqueue: noop });
    return commitImport({ database: t.database, actor, runId });
  }

  async function expectRefused(actor: SystemActor, bytes: Uint8Array, key: string) {
    await assert.rejects(
      uploadImportFile({ database: t.database, actor, fileName: 'bad', bytes, createdBy: randomUUID() }),
      (e: unknown) => AppError.is(e, 'VALIDATION') && e.messageKey === key && !translate('nn', key).startsWith('import.'),
    );
  }

  it('imports a generated municipality, then re-import changes nothing, then updates and deactivations', async () => {
    const { tenant, actor } = await fresh();
    const { rows, csv } = organisationCsv({ seed: 7, employees: 300 });
    const first = await preview(actor, csv);
    assert.equal(first.result.status, 'previewed');
    assert.equal(first.result.counts?.creates, 300);
    assert.ok((first.result.counts?.unitCreates ?? 0) > 10);
    const done = await commit(actor, first.runId);
    assert.equal(done.status, 'committed');
    const after1 = await counts(tenant.id);
    assert.equal(after1.persons, 300);
    assert.equal(after1.employments, 300);
    assert.equal(after1.units, first.result.counts!.unitCreates);
    // unit paths are materialised ancestor chains
    const units = await t.database.withTenant(tenant.id, (tx) => tx.select().from(orgUnits));
    const byId = new Map(units.map((u) => [u.id, u]));
    for (const u of units) {
      const parent = u.parentId ? byId.get(u.parentId) : null;
      assert.equal(u.path, parent ? `${parent.path}/${u.id}` : u.id);
      assert.equal(u.depth, parent ? parent.depth + 1 : 0);
    }
    // per-entity audit rows in the same transaction
    assert.equal(after1.audit, 300 + first.result.counts!.unitCreates);

    // idempotent: the same file again is all unchanged
    const again = await preview(actor, csv);
    assert.deepEqual(
      { creates: again.result.counts!.creates, updates: again.result.counts!.updates, deactivations: again.result.counts!.deactivations, unitCreates: again.result.counts!.unitCreates, unitUpdates: again.result.counts!.unitUpdates, unchanged: again.result.counts!.unchanged },
      { creates: 0, updates: 0, deactivations: 0, unitCreates: 0, unitUpdates: 0, unchanged: 300 },
    );
    assert.equal((await commit(actor, again.runId)).status, 'committed');
    assert.deepEqual(await counts(tenant.id), { ...after1, audit: after1.audit });

    // change one surname, drop two rows, add one: 1 update, 2 deactivations, 1 create
    const changed = rows.slice(2).map((r, i) => (i === 0 ? { ...r, familyName: 'Nyname' } : r));
    changed.push({ ...rows[5]!, employeeNumber: 'NEW-1', email: 'ny@example.no' });
    const third = await preview(actor, toCsv(changed));
    assert.equal(third.result.status, 'previewed');
    assert.equal(third.result.counts!.creates, 1);
    assert.equal(third.result.counts!.updates, 1);
    assert.equal(third.result.counts!.deactivations, 2);
    const view = await getImportRun({ database: t.database, actor, runId: third.runId });
    assert.deepEqual(view.summary.samples?.updates[0]?.fields, ['familyName']);
    assert.equal((await commit(actor, third.runId)).status, 'committed');
    const ended = await t.database.withTenant(tenant.id, (tx) => tx.select().from(employments).where(eq(employments.employeeNumber, rows[0]!.employeeNumber!)));
    assert.ok(ended[0]!.endDate, 'the missing employment got an end date');
    const renamed = await t.database.withTenant(tenant.id, (tx) => tx.select().from(persons).where(eq(persons.familyName, 'Nyname')));
    assert.equal(renamed.length, 1);
  });

  it('reads XLSX with a unit sheet, localised headers and Excel dates, and remembers a custom mapping', async () => {
    const { tenant, actor } = await fresh();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Ansatte');
    ws.addRow(['Ansattnr', 'Fornavn', 'Etternavn', 'Org', 'Stilling', 'Prosent', 'Fra']);
    ws.addRow(['1001', 'Kari', 'Nordmann', 'HELSE-1', 'Sjukepleiar', 80, new Date(Date.UTC(2020, 0, 15))]);
    ws.addRow(['1002', 'Ola', 'Nordmann', 'KOMM', 'Rådgjevar', 100, '2019-05-01']);
    const us = wb.addWorksheet('Enheter');
    us.addRow(['Enhetskode', 'Enhetsnavn', 'Overordnet enhetskode', 'Enhetstype']);
    us.addRow(['KOMM', 'Testkommune', '', 'kommune']);
    us.addRow(['HELSE', 'Helse', 'KOMM', 'sektor']);
    us.addRow(['HELSE-1', 'Sjukeheimen', 'HELSE', 'eining']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const mapping: ImportMapping = { employeeNumber: 'Ansattnr', givenName: 'Fornavn', familyName: 'Etternavn', unitCode: 'Org', positionTitle: 'Stilling', ftePercent: 'Prosent', startDate: 'Fra' };
    const run = await preview(actor, bytes, { mapping, name: 'hr.xlsx' });
    assert.equal(run.result.status, 'previewed', JSON.stringify((await getImportRun({ database: t.database, actor, runId: run.runId })).issues));
    assert.equal(run.result.counts!.unitCreates, 3);
    assert.equal((await commit(actor, run.runId)).status, 'committed');
    const emp = await t.database.withTenant(tenant.id, (tx) => tx.select().from(employments).where(eq(employments.employeeNumber, '1001')));
    assert.equal(emp[0]!.startDate, '2020-01-15');
    assert.equal(emp[0]!.ftePercent, 80);
    // the next upload with the same headers gets the remembered mapping ("Org" is not a known header name)
    const { runId } = await uploadImportFile({ database: t.database, actor, fileName: 'again.xlsx', bytes, createdBy: randomUUID() });
    const view = await getImportRun({ database: t.database, actor, runId });
    assert.equal(view.mapping.unitCode, 'Org');
    assert.equal(view.mappingVersion, 1);
    // a stale mapping version is refused
    await assert.rejects(requestImportPreview({ database: t.database, actor, runId, mapping, mappingVersion: 0, endMissing: false, enqueue: noop }), (e: unknown) => AppError.is(e, 'STALE_VERSION'));
  });

  it('refuses each bad file kind with a translated reason and changes nothing', async () => {
    const { tenant, actor } = await fresh();
    const before = await counts(tenant.id);
    await expectRefused(actor, Buffer.from('%PDF-1.4 binary\u0000\u0001stuff'), 'import.file.wrongType');
    await expectRefused(actor, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'import.file.oldExcel');
    await expectRefused(actor, Buffer.concat([Buffer.from('Tilsettnummer;Førenamn\n1;'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('\n')]), 'import.file.encoding');
    await expectRefused(actor, Buffer.alloc(0), 'import.file.empty');
    await expectRefused(actor, Buffer.from('a;b\n"unterminated;x\n'), 'import.file.csvBroken');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tilsette');
    ws.addRow(['Tilsettnummer', 'Førenamn', 'Etternamn', 'Einingskode']);
    ws.addRow(['1', 'Kari', { formula: 'CONCAT("a","b")', result: 'ab' }, 'U1']);
    await expectRefused(actor, Buffer.from(await wb.xlsx.writeBuffer()), 'import.file.formula');
    const big = Buffer.alloc(21 * 1024 * 1024, 0x41);
    await assert.rejects(uploadImportFile({ database: t.database, actor, fileName: 'big.csv', bytes: big, createdBy: randomUUID(), maxBytes: 20 * 1024 * 1024 }), (e: unknown) => AppError.is(e, 'VALIDATION') && e.messageKey === 'import.file.tooLarge');
    assert.deepEqual(await counts(tenant.id), before);
  });

  it('reports missing columns, duplicate numbers, unknown units, bad STYRK and CSV formulas per row, and refuses to commit', async () => {
    const { tenant, actor } = await fresh();
    const unit = await createUnit(t.database, tenant.id, { code: 'U1' });
    await createPerson(t.database, tenant.id, { unitId: unit.id, employeeNumber: 'KEEP' });
    const before = await counts(tenant.id);
    const header = 'Tilsettnummer;Førenamn;Etternamn;Einingskode;Stillingstittel;Stillingsprosent;Startdato;STYRK-08\n';
    // a file without the required columns cannot even be mapped
    await assert.rejects(preview(actor, Buffer.from('Tilsettnummer;Førenamn\n1;Kari\n')), (e: unknown) => AppError.is(e, 'VALIDATION') && e.issues.some((i) => i.path === 'mapping.unitCode' && i.key === 'import.mapping.required'));
    const body = [
      '1;Kari;Nordmann;U1;Lærar;100;2020-01-01;2341',
      '1;Ola;Nordmann;U1;Lærar;100;2020-01-01;2341',
      '2;=SUM(A1:A9);Nordmann;U1;Lærar;100;2020-01-01;2341',
      '3;Per;Nordmann;NOPE;Lærar;100;2020-01-01;2341',
      '4;Åse;Nordmann;U1;Lærar;100;2020-01-01;9999',
      '5;Liv;Nordmann;U1;Lærar;140;31.02.2020;2341',
    ].join('\n');
    const bad = await preview(actor, Buffer.from(header + body));
    assert.equal(bad.result.status, 'invalid');
    const view = await getImportRun({ database: t.database, actor, runId: bad.runId });
    const keys = view.issues.map((i) => `${i.row}:${i.key}`);
    for (const k of ['3:import.row.duplicate', '4:import.row.formula', '5:import.row.unknownUnit', '6:import.row.unknownStyrk', '7:import.row.fteRange', '7:errors.field.format.date']) assert.ok(keys.includes(k), `${k} in ${keys.join(', ')}`);
    // every message is translated (no raw keys) in all three languages
    for (const l of ['nn', 'nb', 'en'] as const) for (const i of view.issues) assert.ok(!translate(l, i.key, i.params).includes('import.row'), i.key);
    await assert.rejects(requestImportCommit({ database: t.database, actor, runId: bad.runId, enqueue: noop }), (e: unknown) => AppError.is(e, 'CONFLICT'));
    assert.deepEqual(await counts(tenant.id), before);
  });

  it('a stale preview is refused at commit and writes nothing', async () => {
    const { tenant, actor } = await fresh();
    const unit = await createUnit(t.database, tenant.id, { code: 'U1' });
    const csv = Buffer.from('Tilsettnummer;Førenamn;Etternamn;Einingskode;Stillingstittel;Stillingsprosent;Startdato\n1;Kari;Nordmann;U1;Lærar;100;2020-01-01\n');
    const run = await preview(actor, csv);
    assert.equal(run.result.status, 'previewed');
    await createPerson(t.database, tenant.id, { unitId: unit.id, employeeNumber: 'LATE' }); // someone changes data after the preview
    const before = await counts(tenant.id);
    const result = await commit(actor, run.runId);
    assert.equal(result.status, 'failed');
    assert.equal(result.failure?.key, 'import.failed.stale');
    assert.deepEqual(await counts(tenant.id), before, 'no rows and no per-entity audit rows');
    const view = await getImportRun({ database: t.database, actor, runId: run.runId });
    assert.equal(view.status, 'failed');
  });

  it('a commit that fails half-way rolls everything back', async () => {
    const { tenant, actor } = await fresh();
    const { csv } = organisationCsv({ seed: 3, employees: 120 });
    const run = await preview(actor, csv);
    assert.equal(run.result.status, 'previewed');
    // sabotage: a trigger that fails the 100th employment insert, after units and persons were written
    const db = t.database.db;
    {
      await db.execute(sql.raw(`create or replace function import_test_fail() returns trigger language plpgsql as $$ begin if new.employee_number = '100100' then raise exception 'boom'; end if; return new; end $$`));
      await db.execute(sql.raw(`create trigger import_test_fail before insert on employments for each row execute function import_test_fail()`));
    }
    try {
      const before = await counts(tenant.id);
      await requestImportCommit({ database: t.database, actor, runId: run.runId, enqueue: noop });
      await assert.rejects(commitImport({ database: t.database, actor, runId: run.runId }));
      assert.deepEqual(await counts(tenant.id), before);
      const view = await getImportRun({ database: t.database, actor, runId: run.runId });
      assert.equal(view.status, 'failed');
      assert.equal(view.summary.failure?.key, 'import.failed.internal');
    } finally {
      await db.execute(sql.raw('drop trigger import_test_fail on employments'));
    }
  });

  it('suggests a mapping from nn, nb and en headers', () => {
    assert.deepEqual(suggestMapping(['Employee number', 'Given name', 'Etternavn', 'Einingskode', 'Whatever'], null), { employeeNumber: 'Employee number', givenName: 'Given name', familyName: 'Etternavn', unitCode: 'Einingskode' });
  });
});
