// HR imports: import runs and remembered mappings, the tenant state an import compares with,
// and the batched writes a commit makes (multi-row INSERT … ON CONFLICT DO UPDATE).
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AuditEntry } from './audit.repository.ts';
import type { Tx } from '../client.ts';
import { employments, importMappings, importRuns, occupations, orgUnits, persons } from '../schema/index.ts';

export type ImportRunRow = typeof importRuns.$inferSelect;
export type ImportRunInfo = Omit<ImportRunRow, 'file'>;

const BATCH = 1000;

function chunks<T>(list: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

const infoColumns = {
  id: importRuns.id,
  tenantId: importRuns.tenantId,
  createdBy: importRuns.createdBy,
  fileName: importRuns.fileName,
  fileType: importRuns.fileType,
  mapping: importRuns.mapping,
  status: importRuns.status,
  progressDone: importRuns.progressDone,
  progressTotal: importRuns.progressTotal,
  summary: importRuns.summary,
  errors: importRuns.errors,
  createdAt: importRuns.createdAt,
  finishedAt: importRuns.finishedAt,
};

export async function insertImportRun(tx: Tx, values: { tenantId: string; createdBy: string; fileName: string; fileType: string; file: Buffer; status: string; summary: Record<string, unknown> }): Promise<string> {
  const [row] = await tx.insert(importRuns).values(values).returning({ id: importRuns.id });
  return row!.id;
}

export async function findImportRun(tx: Tx, id: string): Promise<ImportRunInfo | null> {
  const [row] = await tx.select(infoColumns).from(importRuns).where(eq(importRuns.id, id));
  return row ?? null;
}

export async function loadImportFile(tx: Tx, id: string): Promise<Buffer | null> {
  const [row] = await tx.select({ file: importRuns.file }).from(importRuns).where(eq(importRuns.id, id));
  return row?.file ?? null;
}

export async function listImportRuns(tx: Tx, limit: number) {
  return tx
    .select({ id: importRuns.id, fileName: importRuns.fileName, status: importRuns.status, createdAt: importRuns.createdAt, finishedAt: importRuns.finishedAt, summary: importRuns.summary })
    .from(importRuns)
    .orderBy(desc(importRuns.createdAt))
    .limit(limit);
}

/** Move a run from one of `from` to a new status atomically; false when it was in another state. */
export async function transitionImportRun(tx: Tx, id: string, from: readonly string[], patch: Partial<Pick<ImportRunRow, 'status' | 'mapping' | 'summary' | 'errors' | 'progressDone' | 'progressTotal' | 'finishedAt'>>): Promise<boolean> {
  const rows = await tx
    .update(importRuns)
    .set(patch)
    .where(and(eq(importRuns.id, id), inArray(importRuns.status, [...from])))
    .returning({ id: importRuns.id });
  return rows.length === 1;
}

export async function setImportProgress(tx: Tx, id: string, done: number, total: number): Promise<void> {
  await tx.update(importRuns).set({ progressDone: done, progressTotal: total }).where(eq(importRuns.id, id));
}

export async function findImportMapping(tx: Tx): Promise<{ mapping: Record<string, string>; version: number } | null> {
  const [row] = await tx.select({ mapping: importMappings.mapping, version: importMappings.version }).from(importMappings);
  return row ?? null;
}

/** Save the tenant's mapping under optimistic locking; false when `expectedVersion` is stale. */
export async function saveImportMapping(tx: Tx, tenantId: string, mapping: Record<string, string>, expectedVersion: number | null): Promise<boolean> {
  if (expectedVersion === null) {
    const rows = await tx.insert(importMappings).values({ tenantId, mapping }).onConflictDoNothing().returning({ v: importMappings.version });
    return rows.length === 1;
  }
  const rows = await tx
    .update(importMappings)
    .set({ mapping, version: sql`${importMappings.version} + 1`, updatedAt: new Date() })
    .where(and(eq(importMappings.tenantId, tenantId), eq(importMappings.version, expectedVersion)))
    .returning({ v: importMappings.version });
  return rows.length === 1;
}

// ------------------------------------------------------------------ state

export async function loadImportUnits(tx: Tx) {
  return tx
    .select({ id: orgUnits.id, parentId: orgUnits.parentId, code: orgUnits.code, name: orgUnits.name, kind: orgUnits.kind, path: orgUnits.path, depth: orgUnits.depth, version: orgUnits.version })
    .from(orgUnits)
    .orderBy(asc(orgUnits.id));
}

export async function loadImportEmployments(tx: Tx) {
  return tx
    .select({
      employmentId: employments.id,
      employmentVersion: employments.version,
      personId: persons.id,
      personVersion: persons.version,
      employeeNumber: employments.employeeNumber,
      unitId: employments.unitId,
      positionTitle: employments.positionTitle,
      ftePercent: employments.ftePercent,
      styrk08: employments.styrk08,
      ksJobCode: employments.ksJobCode,
      occupationalGroup: employments.occupationalGroup,
      startDate: employments.startDate,
      endDate: employments.endDate,
      givenName: persons.givenName,
      familyName: persons.familyName,
      email: persons.email,
      phone: persons.phone,
      birthYear: persons.birthYear,
    })
    .from(employments)
    .innerJoin(persons, eq(persons.id, employments.personId))
    .orderBy(asc(employments.id));
}

export async function loadStyrkCodes(tx: Tx): Promise<string[]> {
  const rows = await tx.select({ code: occupations.code }).from(occupations).where(eq(occupations.level, 4));
  return rows.map((r) => r.code);
}

// ------------------------------------------------------------------ writes

export interface UnitUpsert {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  kind: string;
  path: string;
  depth: number;
}

/** Units sorted parents-first (by depth) so every parent exists before its children. */
export interface PersonUpsert {
  id: string;
  givenName: string;
  familyName: string;
  email: string | null;
  phone: string | null;
  birthYear: number | null;
}

export interface EmploymentUpsert {
  id: string;
  personId: string;
  unitId: string;
  employeeNumber: string;
  positionTitle: string;
  ftePercent: number;
  styrk08: string | null;
  ksJobCode: string | null;
  occupationalGroup: string | null;
  startDate: string;
  endDate: string | null;
}

// Rows travel as ONE jsonb parameter per batch (jsonb_to_recordset): far faster than thousands
// of bind parameters, on PGlite above all.
const JSON_BATCH = 5000;
const json = (rows: readonly unknown[]) => JSON.stringify(rows);

/** Units sorted parents-first (by depth) so every parent exists before its children. */
export async function upsertUnits(tx: Tx, tenantId: string, rows: readonly UnitUpsert[], onBatch?: (n: number) => Promise<void>): Promise<void> {
  for (const batch of chunks(rows, JSON_BATCH)) {
    const data = batch.map((u) => ({ id: u.id, parent_id: u.parentId, code: u.code, name: u.name, kind: u.kind, path: u.path, depth: u.depth }));
    await tx.execute(sql`
      insert into org_units (id, tenant_id, parent_id, code, name, kind, path, depth)
      select x.id, ${tenantId}::uuid, x.parent_id, x.code, x.name, x.kind, x.path, x.depth
      from jsonb_to_recordset(${json(data)}::jsonb) as x(id uuid, parent_id uuid, code text, name text, kind text, path text, depth int)
      on conflict (id) do update set parent_id = excluded.parent_id, name = excluded.name, kind = excluded.kind, path = excluded.path, depth = excluded.depth,
        version = org_units.version + 1, updated_at = now()`);
    await onBatch?.(batch.length);
  }
}

export async function upsertPersons(tx: Tx, tenantId: string, rows: readonly PersonUpsert[], onBatch?: (n: number) => Promise<void>): Promise<void> {
  for (const batch of chunks(rows, JSON_BATCH)) {
    const data = batch.map((p) => ({ id: p.id, given_name: p.givenName, family_name: p.familyName, email: p.email, phone: p.phone, birth_year: p.birthYear }));
    await tx.execute(sql`
      insert into persons (id, tenant_id, given_name, family_name, email, phone, birth_year)
      select x.id, ${tenantId}::uuid, x.given_name, x.family_name, x.email, x.phone, x.birth_year
      from jsonb_to_recordset(${json(data)}::jsonb) as x(id uuid, given_name text, family_name text, email text, phone text, birth_year int)
      on conflict (id) do update set given_name = excluded.given_name, family_name = excluded.family_name, email = excluded.email, phone = excluded.phone,
        birth_year = excluded.birth_year, version = persons.version + 1, updated_at = now()`);
    await onBatch?.(batch.length);
  }
}

export async function upsertEmployments(tx: Tx, tenantId: string, rows: readonly EmploymentUpsert[], onBatch?: (n: number) => Promise<void>): Promise<void> {
  for (const batch of chunks(rows, JSON_BATCH)) {
    const data = batch.map((e) => ({
      id: e.id,
      person_id: e.personId,
      unit_id: e.unitId,
      employee_number: e.employeeNumber,
      position_title: e.positionTitle,
      fte_percent: e.ftePercent,
      styrk08: e.styrk08,
      ks_job_code: e.ksJobCode,
      occupational_group: e.occupationalGroup,
      start_date: e.startDate,
      end_date: e.endDate,
    }));
    await tx.execute(sql`
      insert into employments (id, tenant_id, person_id, unit_id, employee_number, position_title, fte_percent, styrk08, ks_job_code, occupational_group, start_date, end_date)
      select x.id, ${tenantId}::uuid, x.person_id, x.unit_id, x.employee_number, x.position_title, x.fte_percent, x.styrk08, x.ks_job_code, x.occupational_group, x.start_date, x.end_date
      from jsonb_to_recordset(${json(data)}::jsonb) as x(id uuid, person_id uuid, unit_id uuid, employee_number text, position_title text, fte_percent numeric,
        styrk08 text, ks_job_code text, occupational_group text, start_date date, end_date date)
      on conflict (tenant_id, employee_number) do update set unit_id = excluded.unit_id, position_title = excluded.position_title, fte_percent = excluded.fte_percent,
        styrk08 = excluded.styrk08, ks_job_code = excluded.ks_job_code, occupational_group = excluded.occupational_group, start_date = excluded.start_date,
        end_date = excluded.end_date, version = employments.version + 1, updated_at = now()`);
    await onBatch?.(batch.length);
  }
}

export async function endEmployments(tx: Tx, ids: readonly string[], endDate: string, onBatch?: (n: number) => Promise<void>): Promise<void> {
  for (const batch of chunks(ids, JSON_BATCH)) {
    await tx.execute(sql`
      update employments set end_date = ${endDate}::date, version = version + 1, updated_at = now()
      where id in (select value::uuid from jsonb_array_elements_text(${json(batch)}::jsonb))`);
    await onBatch?.(batch.length);
  }
}

/** Many audit rows in few statements (the commit writes one per changed entity). */
export async function appendAuditBatch(tx: Tx, entries: readonly AuditEntry[]): Promise<void> {
  for (const batch of chunks(entries, JSON_BATCH)) {
    const data = batch.map((e) => ({ tenant_id: e.tenantId, actor: e.actor, action: e.action, subject_type: e.subjectType ?? null, subject_id: e.subjectId ?? null, request_id: e.requestId ?? null, details: e.details ?? null }));
    await tx.execute(sql`
      insert into audit_log (tenant_id, actor, action, subject_type, subject_id, request_id, details)
      select x.tenant_id, x.actor, x.action, x.subject_type, x.subject_id, x.request_id, x.details
      from jsonb_to_recordset(${json(data)}::jsonb) as x(tenant_id uuid, actor text, action text, subject_type text, subject_id text, request_id text, details jsonb)`);
  }
}

/** Row counts of the tables an import writes (tests and the bench use them). */
export async function countImportTables(tx: Tx) {
  const [row] = await tx.execute<{ units: number; persons: number; employments: number }>(
    sql`select (select count(*)::int from org_units) as units, (select count(*)::int from persons) as persons, (select count(*)::int from employments) as employments`,
  ).then((r) => (r as unknown as { rows: Array<{ units: number; persons: number; employments: number }> }).rows);
  return row!;
}

/** Serialise imports per tenant: a second commit waits until the first has finished. */
export async function lockTenantImports(tx: Tx, tenantId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`rytme-import:${tenantId}`}))`);
}
