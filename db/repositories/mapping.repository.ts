// Needs mapping: the competence-area vocabulary, units' basis entries, mapping forms with their
// needs, and units' offers. Everything runs inside withTenant (RLS confines it to one tenant).
import { and, asc, desc, eq, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../client.ts';
import { competenceAreas, mappingForms, mappingNeeds, orgUnits, persons, unitBasisEntries, unitOffers, wheelCycles } from '../schema/index.ts';

// ---------------------------------------------------------------- competence areas

export async function listAreas(tx: Tx) {
  return tx
    .select({
      id: competenceAreas.id,
      name: competenceAreas.name,
      status: competenceAreas.status,
      mergedIntoId: competenceAreas.mergedIntoId,
      proposedByAccountId: competenceAreas.proposedByAccountId,
      version: competenceAreas.version,
      needCount: sql<number>`(select count(*) from mapping_needs n where n.competence_area_id = competence_areas.id)`.mapWith(Number),
    })
    .from(competenceAreas)
    .orderBy(asc(sql`lower(${competenceAreas.name})`));
}

export async function findArea(tx: Tx, id: string) {
  const rows = await tx.select().from(competenceAreas).where(eq(competenceAreas.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function findAreasByIds(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx.select().from(competenceAreas).where(inArray(competenceAreas.id, [...new Set(ids)]));
}

/** A live (active or proposed) area with this name, case-insensitive, other than `exceptId`. */
export async function findLiveAreaByName(tx: Tx, name: string, exceptId?: string) {
  const rows = await tx
    .select({ id: competenceAreas.id, status: competenceAreas.status })
    .from(competenceAreas)
    .where(and(sql`lower(${competenceAreas.name}) = lower(${name})`, inArray(competenceAreas.status, ['active', 'proposed']), exceptId ? ne(competenceAreas.id, exceptId) : undefined))
    .limit(1);
  return rows[0] ?? null;
}

/** Insert areas; names that are already live are skipped (the unique index). Returns the rows inserted. */
export async function insertAreas(tx: Tx, values: Array<typeof competenceAreas.$inferInsert>) {
  if (values.length === 0) return [];
  return tx.insert(competenceAreas).values(values).onConflictDoNothing().returning();
}

/** Update under the optimistic lock; null when the version did not match. */
export async function updateArea(tx: Tx, id: string, expectedVersion: number, fields: Partial<Pick<typeof competenceAreas.$inferInsert, 'name' | 'status' | 'mergedIntoId'>>) {
  const rows = await tx
    .update(competenceAreas)
    .set({ ...fields, version: sql`${competenceAreas.version} + 1`, updatedAt: new Date() })
    .where(and(eq(competenceAreas.id, id), eq(competenceAreas.version, expectedVersion)))
    .returning({ version: competenceAreas.version });
  return rows[0] ?? null;
}

/** Point every need and offer of area `fromId` at `toId` (a merge). Returns how many needs moved. */
export async function repointArea(tx: Tx, fromId: string, toId: string): Promise<number> {
  const needs = await tx.update(mappingNeeds).set({ competenceAreaId: toId }).where(eq(mappingNeeds.competenceAreaId, fromId)).returning({ id: mappingNeeds.id });
  await tx.update(unitOffers).set({ competenceAreaId: toId }).where(eq(unitOffers.competenceAreaId, fromId));
  // Areas merged into the one merged away now point at the final area.
  await tx.update(competenceAreas).set({ mergedIntoId: toId }).where(eq(competenceAreas.mergedIntoId, fromId));
  return needs.length;
}

// ---------------------------------------------------------------- unit basis entries

export async function listBasisEntries(tx: Tx, unitId: string) {
  return tx
    .select()
    .from(unitBasisEntries)
    .where(and(eq(unitBasisEntries.unitId, unitId), isNull(unitBasisEntries.archivedAt)))
    .orderBy(asc(unitBasisEntries.kind), asc(unitBasisEntries.createdAt), asc(unitBasisEntries.id));
}

export async function findBasisEntry(tx: Tx, id: string) {
  const rows = await tx.select().from(unitBasisEntries).where(eq(unitBasisEntries.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function insertBasisEntry(tx: Tx, values: typeof unitBasisEntries.$inferInsert) {
  const [row] = await tx.insert(unitBasisEntries).values(values).returning();
  return row!;
}

export async function saveBasisEntry(tx: Tx, id: string, expectedVersion: number, fields: { text?: string; archivedAt?: Date }) {
  const rows = await tx
    .update(unitBasisEntries)
    .set({ ...fields, version: sql`${unitBasisEntries.version} + 1`, updatedAt: new Date() })
    .where(and(eq(unitBasisEntries.id, id), eq(unitBasisEntries.version, expectedVersion)))
    .returning({ version: unitBasisEntries.version });
  return rows[0] ?? null;
}

// ---------------------------------------------------------------- forms and needs

export async function findForm(tx: Tx, cycleId: string, unitId: string) {
  const rows = await tx
    .select()
    .from(mappingForms)
    .where(and(eq(mappingForms.cycleId, cycleId), eq(mappingForms.unitId, unitId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function findFormById(tx: Tx, id: string) {
  const rows = await tx
    .select({ form: mappingForms, cycleYear: wheelCycles.year })
    .from(mappingForms)
    .innerJoin(wheelCycles, eq(wheelCycles.id, mappingForms.cycleId))
    .where(eq(mappingForms.id, id))
    .limit(1);
  return rows[0] ?? null;
}

/** The unit's form of the latest cycle before `year`, with that cycle's year. */
export async function findPreviousForm(tx: Tx, unitId: string, year: number) {
  const rows = await tx
    .select({ form: mappingForms, cycleYear: wheelCycles.year })
    .from(mappingForms)
    .innerJoin(wheelCycles, eq(wheelCycles.id, mappingForms.cycleId))
    .where(and(eq(mappingForms.unitId, unitId), lt(wheelCycles.year, year)))
    .orderBy(desc(wheelCycles.year))
    .limit(1);
  return rows[0] ?? null;
}

/** Insert a form; null when the unit already has one for the cycle. */
export async function insertForm(tx: Tx, values: typeof mappingForms.$inferInsert) {
  const rows = await tx.insert(mappingForms).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export type FormFields = Partial<
  Pick<
    typeof mappingForms.$inferInsert,
    'status' | 'discussionDate' | 'participantsText' | 'participantPersonIds' | 'returnComment' | 'submittedAt' | 'submittedByAccountId' | 'decidedAt' | 'decidedByAccountId' | 'milestoneId'
  >
>;

/** Update under the optimistic lock; the new version, or null when someone else saved first. */
export async function updateForm(tx: Tx, id: string, expectedVersion: number, fields: FormFields): Promise<number | null> {
  const rows = await tx
    .update(mappingForms)
    .set({ ...fields, version: sql`${mappingForms.version} + 1`, updatedAt: new Date() })
    .where(and(eq(mappingForms.id, id), eq(mappingForms.version, expectedVersion)))
    .returning({ version: mappingForms.version });
  return rows[0]?.version ?? null;
}

export async function listNeeds(tx: Tx, formIds: readonly string[]) {
  if (formIds.length === 0) return [];
  return tx
    .select()
    .from(mappingNeeds)
    .where(inArray(mappingNeeds.formId, [...formIds]))
    .orderBy(asc(mappingNeeds.formId), asc(mappingNeeds.position));
}

/** Replace a form's needs (the form's version, bumped by the caller, guards them). */
export async function replaceNeeds(tx: Tx, tenantId: string, formId: string, needs: Array<Omit<typeof mappingNeeds.$inferInsert, 'tenantId' | 'formId' | 'id' | 'createdAt'>>): Promise<void> {
  await tx.delete(mappingNeeds).where(eq(mappingNeeds.formId, formId));
  if (needs.length === 0) return;
  await tx.insert(mappingNeeds).values(needs.map((n) => ({ ...n, tenantId, formId })));
}

export async function listFormsOfCycle(tx: Tx, cycleId: string) {
  return tx.select().from(mappingForms).where(eq(mappingForms.cycleId, cycleId));
}

// ---------------------------------------------------------------- people

export async function findPersonNames(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select({ id: persons.id, givenName: persons.givenName, familyName: persons.familyName }).from(persons).where(inArray(persons.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, `${r.givenName} ${r.familyName}`]));
}

// ---------------------------------------------------------------- offers

export async function listOffers(tx: Tx) {
  return tx
    .select({
      id: unitOffers.id,
      unitId: unitOffers.unitId,
      unitName: orgUnits.name,
      unitPath: orgUnits.path,
      kind: unitOffers.kind,
      personId: unitOffers.personId,
      personName: sql<string | null>`case when ${persons.id} is null then null else ${persons.givenName} || ' ' || ${persons.familyName} end`,
      title: unitOffers.title,
      description: unitOffers.description,
      competenceAreaId: unitOffers.competenceAreaId,
      areaName: competenceAreas.name,
      capacity: unitOffers.capacity,
      version: unitOffers.version,
    })
    .from(unitOffers)
    .innerJoin(orgUnits, eq(orgUnits.id, unitOffers.unitId))
    .leftJoin(persons, eq(persons.id, unitOffers.personId))
    .leftJoin(competenceAreas, eq(competenceAreas.id, unitOffers.competenceAreaId))
    .where(isNull(unitOffers.archivedAt))
    .orderBy(asc(sql`lower(coalesce(${competenceAreas.name}, ''))`), asc(unitOffers.title), asc(unitOffers.id));
}

export async function findOffer(tx: Tx, id: string) {
  const rows = await tx
    .select({ offer: unitOffers, unitPath: orgUnits.path })
    .from(unitOffers)
    .innerJoin(orgUnits, eq(orgUnits.id, unitOffers.unitId))
    .where(eq(unitOffers.id, id))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertOffer(tx: Tx, values: typeof unitOffers.$inferInsert) {
  const [row] = await tx.insert(unitOffers).values(values).returning();
  return row!;
}

export async function archiveOffer(tx: Tx, id: string, expectedVersion: number) {
  const rows = await tx
    .update(unitOffers)
    .set({ archivedAt: new Date(), version: sql`${unitOffers.version} + 1`, updatedAt: new Date() })
    .where(and(eq(unitOffers.id, id), eq(unitOffers.version, expectedVersion), isNull(unitOffers.archivedAt)))
    .returning({ version: unitOffers.version });
  return rows[0] ?? null;
}

/** Whether a live person has an active employment in one of the units. */
export async function isPersonInUnits(tx: Tx, personId: string, unitIds: readonly string[]): Promise<boolean> {
  if (unitIds.length === 0) return false;
  const rows = await queryRows<{ one: number }>(
    tx,
    sql`select 1 as one from employments e join persons p on p.id = e.person_id
      where e.person_id = ${personId} and e.unit_id in (${sql.join(unitIds.map((id) => sql`${id}::uuid`), sql`, `)})
        and (e.end_date is null or e.end_date >= current_date) and p.deactivated_at is null limit 1`,
  );
  return rows.length > 0;
}

// ---------------------------------------------------------------- figures (maturity, dashboard)

/** The needs on a cycle's handed-in (submitted or approved) forms: form, unit, and whether each points to a basis entry (goal, service standard, user-survey finding). */
export async function listHandedInNeedLinks(tx: Tx, cycleId: string) {
  return tx
    .select({ formId: mappingNeeds.formId, unitId: mappingForms.unitId, basisEntryId: mappingNeeds.basisEntryId })
    .from(mappingNeeds)
    .innerJoin(mappingForms, eq(mappingForms.id, mappingNeeds.formId))
    .where(and(eq(mappingForms.cycleId, cycleId), inArray(mappingForms.status, ['submitted', 'approved'])));
}
