// The combined catalogue: providers, half-year catalogues, measures and their needs, enrolments
// (the measure row is locked while places are counted), feedback and year-end evaluations.
// Everything runs inside withTenant, so RLS confines it to one tenant.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import {
  accounts,
  catalogues,
  competenceAreas,
  employments,
  enrolments,
  mappingForms,
  mappingNeeds,
  measureEvaluations,
  measureFeedback,
  measureNeeds,
  measures,
  orgUnits,
  persons,
  providers,
  regions,
  tenants,
  unitLeaders,
} from '../schema/index.ts';

// ---------------------------------------------------------------- providers

export async function listProviders(tx: Tx) {
  return tx.select().from(providers).orderBy(asc(providers.name));
}

export async function findProvider(tx: Tx, id: string) {
  const rows = await tx.select().from(providers).where(eq(providers.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Insert; null when the name is taken (unique per tenant, case-insensitive). */
export async function insertProvider(tx: Tx, values: typeof providers.$inferInsert) {
  const rows = await tx.insert(providers).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

/** Every score behind each provider's rating: participants' usefulness and leaders' year-end ratings. */
export async function listProviderScores(tx: Tx): Promise<Array<{ providerId: string; score: number; source: 'feedback' | 'evaluation' }>> {
  const fb = await tx
    .select({ providerId: measures.providerId, score: measureFeedback.usefulness })
    .from(measureFeedback)
    .innerJoin(measures, eq(measures.id, measureFeedback.measureId))
    .where(sql`${measures.providerId} is not null`);
  const ev = await tx
    .select({ providerId: measures.providerId, score: measureEvaluations.rating })
    .from(measureEvaluations)
    .innerJoin(measures, eq(measures.id, measureEvaluations.measureId))
    .where(sql`${measures.providerId} is not null`);
  return [...fb.map((r) => ({ providerId: r.providerId!, score: r.score, source: 'feedback' as const })), ...ev.map((r) => ({ providerId: r.providerId!, score: r.score, source: 'evaluation' as const }))];
}

// ---------------------------------------------------------------- catalogues

export async function findCatalogue(tx: Tx, year: number, half: string) {
  const rows = await tx.select().from(catalogues).where(and(eq(catalogues.year, year), eq(catalogues.half, half))).limit(1);
  return rows[0] ?? null;
}

/** The catalogue of a half-year, created (as a draft) when missing. */
export async function ensureCatalogue(tx: Tx, tenantId: string, year: number, half: string) {
  await tx.insert(catalogues).values({ tenantId, year, half }).onConflictDoNothing();
  return (await findCatalogue(tx, year, half))!;
}

export async function publishCatalogueRow(tx: Tx, id: string, expectedVersion: number, now: Date) {
  const rows = await tx
    .update(catalogues)
    .set({ status: 'published', publishedAt: now, version: sql`${catalogues.version} + 1`, updatedAt: now })
    .where(and(eq(catalogues.id, id), eq(catalogues.version, expectedVersion)))
    .returning();
  return rows[0] ?? null;
}

// ---------------------------------------------------------------- measures

export async function listMeasuresOfCatalogue(tx: Tx, catalogueId: string, filter: { areaId?: string | null; type?: string | null; statuses?: readonly string[] }) {
  const where = [eq(measures.catalogueId, catalogueId)];
  if (filter.areaId) where.push(eq(measures.competenceAreaId, filter.areaId));
  if (filter.type) where.push(eq(measures.type, filter.type));
  if (filter.statuses) where.push(inArray(measures.status, [...filter.statuses]));
  return tx
    .select({
      measure: measures,
      providerName: providers.name,
      areaName: competenceAreas.name,
      taken: sql<number>`(select count(*)::int from enrolments e where e.measure_id = ${measures.id} and e.status in ('requested', 'approved'))`,
    })
    .from(measures)
    .leftJoin(providers, eq(providers.id, measures.providerId))
    .leftJoin(competenceAreas, eq(competenceAreas.id, measures.competenceAreaId))
    .where(and(...where))
    .orderBy(asc(measures.startDate), asc(measures.title));
}

export async function findMeasure(tx: Tx, id: string) {
  const rows = await tx
    .select({ measure: measures, catalogue: catalogues, provider: providers, areaName: competenceAreas.name })
    .from(measures)
    .innerJoin(catalogues, eq(catalogues.id, measures.catalogueId))
    .leftJoin(providers, eq(providers.id, measures.providerId))
    .leftJoin(competenceAreas, eq(competenceAreas.id, measures.competenceAreaId))
    .where(eq(measures.id, id))
    .limit(1);
  return rows[0] ?? null;
}

/** Lock the measure row for the rest of the transaction (serialises enrolments on one measure). */
export async function lockMeasure(tx: Tx, id: string) {
  const rows = await tx.select().from(measures).where(eq(measures.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

export async function insertMeasure(tx: Tx, values: typeof measures.$inferInsert) {
  const [row] = await tx.insert(measures).values(values).returning();
  return row!;
}

export type MeasureFields = Partial<Omit<typeof measures.$inferInsert, 'id' | 'tenantId' | 'version' | 'createdAt'>>;

/** Update under the optimistic lock; null when the version did not match. */
export async function updateMeasureFields(tx: Tx, id: string, expectedVersion: number, fields: MeasureFields) {
  const rows = await tx
    .update(measures)
    .set({ ...fields, version: sql`${measures.version} + 1`, updatedAt: new Date() })
    .where(and(eq(measures.id, id), eq(measures.version, expectedVersion)))
    .returning();
  return rows[0] ?? null;
}

export async function listMeasureNeedIds(tx: Tx, measureId: string): Promise<string[]> {
  const rows = await tx.select({ needId: measureNeeds.needId }).from(measureNeeds).where(eq(measureNeeds.measureId, measureId));
  return rows.map((r) => r.needId);
}

export async function replaceMeasureNeeds(tx: Tx, tenantId: string, measureId: string, needIds: readonly string[]) {
  await tx.delete(measureNeeds).where(eq(measureNeeds.measureId, measureId));
  if (needIds.length) await tx.insert(measureNeeds).values(needIds.map((needId) => ({ tenantId, measureId, needId })));
}

/** Mapping needs a measure can answer, newest cycle first, with their unit and area. */
export async function listNeedChoices(tx: Tx, limit = 300) {
  return tx
    .select({ id: mappingNeeds.id, description: mappingNeeds.description, areaName: competenceAreas.name, unitName: orgUnits.name, term: mappingNeeds.term })
    .from(mappingNeeds)
    .innerJoin(mappingForms, eq(mappingForms.id, mappingNeeds.formId))
    .innerJoin(orgUnits, eq(orgUnits.id, mappingForms.unitId))
    .innerJoin(competenceAreas, eq(competenceAreas.id, mappingNeeds.competenceAreaId))
    .orderBy(desc(mappingForms.createdAt), asc(orgUnits.name), asc(mappingNeeds.position))
    .limit(limit);
}

export async function listNeedsByIds(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: mappingNeeds.id, description: mappingNeeds.description, areaName: competenceAreas.name, unitName: orgUnits.name })
    .from(mappingNeeds)
    .innerJoin(mappingForms, eq(mappingForms.id, mappingNeeds.formId))
    .innerJoin(orgUnits, eq(orgUnits.id, mappingForms.unitId))
    .innerJoin(competenceAreas, eq(competenceAreas.id, mappingNeeds.competenceAreaId))
    .where(inArray(mappingNeeds.id, [...ids]));
}

export async function listActiveAreas(tx: Tx) {
  return tx.select({ id: competenceAreas.id, name: competenceAreas.name }).from(competenceAreas).where(eq(competenceAreas.status, 'active')).orderBy(asc(competenceAreas.name));
}

export async function areaExists(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx.select({ id: competenceAreas.id }).from(competenceAreas).where(eq(competenceAreas.id, id)).limit(1);
  return rows.length > 0;
}

// ---------------------------------------------------------------- enrolments

/** The units a person is employed in now (the first is where an enrolment is filed). */
export async function listPersonUnits(tx: Tx, personId: string, today: string) {
  return tx
    .select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path })
    .from(employments)
    .innerJoin(orgUnits, eq(orgUnits.id, employments.unitId))
    .where(and(eq(employments.personId, personId), sql`${employments.startDate} <= ${today}`, sql`(${employments.endDate} is null or ${employments.endDate} >= ${today})`, isNull(orgUnits.archivedAt)))
    .orderBy(desc(employments.ftePercent), asc(orgUnits.name));
}

export async function countPlacesTaken(tx: Tx, measureId: string): Promise<number> {
  const rows = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(enrolments)
    .where(and(eq(enrolments.measureId, measureId), inArray(enrolments.status, ['requested', 'approved'])));
  return rows[0]?.n ?? 0;
}

/** Insert; null when the person already has a live enrolment on the measure. */
export async function insertEnrolment(tx: Tx, values: typeof enrolments.$inferInsert) {
  const rows = await tx.insert(enrolments).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function findEnrolment(tx: Tx, id: string) {
  const rows = await tx
    .select({ enrolment: enrolments, unitPath: orgUnits.path, unitName: orgUnits.name })
    .from(enrolments)
    .innerJoin(orgUnits, eq(orgUnits.id, enrolments.unitId))
    .where(eq(enrolments.id, id))
    .limit(1);
  return rows[0] ?? null;
}

export async function findLiveEnrolment(tx: Tx, measureId: string, personId: string) {
  const rows = await tx
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.measureId, measureId), eq(enrolments.personId, personId), inArray(enrolments.status, ['requested', 'approved', 'waiting'])))
    .limit(1);
  return rows[0] ?? null;
}

/** The person's latest enrolment on the measure, whatever its status. */
export async function findLatestEnrolment(tx: Tx, measureId: string, personId: string) {
  const rows = await tx.select().from(enrolments).where(and(eq(enrolments.measureId, measureId), eq(enrolments.personId, personId))).orderBy(desc(enrolments.requestedAt)).limit(1);
  return rows[0] ?? null;
}

export async function listEnrolmentsOfMeasure(tx: Tx, measureId: string) {
  return tx
    .select({ enrolment: enrolments, givenName: persons.givenName, familyName: persons.familyName, unitName: orgUnits.name, unitPath: orgUnits.path })
    .from(enrolments)
    .innerJoin(persons, eq(persons.id, enrolments.personId))
    .innerJoin(orgUnits, eq(orgUnits.id, enrolments.unitId))
    .where(eq(enrolments.measureId, measureId))
    .orderBy(asc(enrolments.requestedAt), asc(enrolments.id));
}

export async function setEnrolmentStatus(tx: Tx, id: string, expectedVersion: number, fields: Partial<Pick<typeof enrolments.$inferInsert, 'status' | 'decidedAt' | 'decidedByAccountId' | 'attended' | 'reportBackDate' | 'reportBackHow'>>) {
  const rows = await tx
    .update(enrolments)
    .set({ ...fields, version: sql`${enrolments.version} + 1`, updatedAt: new Date() })
    .where(and(eq(enrolments.id, id), eq(enrolments.version, expectedVersion)))
    .returning();
  return rows[0] ?? null;
}

/** Enrolments of units within the given subtrees, with measure and person, for leaders. */
export async function listEnrolmentsInSubtrees(tx: Tx, paths: readonly string[], statuses: readonly string[]) {
  if (paths.length === 0) return [];
  const within = sql.join(
    paths.map((p) => sql`(${orgUnits.path} = ${p} or ${orgUnits.path} like ${`${p}/%`})`),
    sql` or `,
  );
  return tx
    .select({ enrolment: enrolments, givenName: persons.givenName, familyName: persons.familyName, unitName: orgUnits.name, unitPath: orgUnits.path, measureTitle: measures.title, startDate: measures.startDate, endDate: measures.endDate, substituteCostNok: measures.substituteCostNok, costNok: measures.costNok })
    .from(enrolments)
    .innerJoin(persons, eq(persons.id, enrolments.personId))
    .innerJoin(orgUnits, eq(orgUnits.id, enrolments.unitId))
    .innerJoin(measures, eq(measures.id, enrolments.measureId))
    .where(and(sql`(${within})`, inArray(enrolments.status, [...statuses])))
    .orderBy(asc(measures.startDate), asc(enrolments.requestedAt));
}

/** Active accounts of a person (for notifications). */
export async function listAccountsOfPerson(tx: Tx, personId: string) {
  return tx.select({ accountId: accounts.id, email: accounts.email, displayName: accounts.displayName, language: accounts.language }).from(accounts).where(and(eq(accounts.personId, personId), isNull(accounts.disabledAt)));
}

/** Active accounts of the leaders of a unit (for notifications). */
export async function listLeaderAccountsOfUnit(tx: Tx, unitId: string) {
  return tx
    .select({ accountId: accounts.id, email: accounts.email, displayName: accounts.displayName, language: accounts.language })
    .from(unitLeaders)
    .innerJoin(accounts, eq(accounts.personId, unitLeaders.personId))
    .where(and(eq(unitLeaders.unitId, unitId), isNull(accounts.disabledAt)));
}

// ---------------------------------------------------------------- feedback and evaluations

export async function findFeedbackOfEnrolment(tx: Tx, enrolmentId: string) {
  const rows = await tx.select().from(measureFeedback).where(eq(measureFeedback.enrolmentId, enrolmentId)).limit(1);
  return rows[0] ?? null;
}

/** Insert; null when the enrolment already has feedback. */
export async function insertFeedback(tx: Tx, values: typeof measureFeedback.$inferInsert) {
  const rows = await tx.insert(measureFeedback).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function listFeedbackOfMeasure(tx: Tx, measureId: string) {
  return tx.select({ usefulness: measureFeedback.usefulness }).from(measureFeedback).where(eq(measureFeedback.measureId, measureId));
}

/** Measures a unit's people attended or were approved for, whose start falls in the year. */
export async function listMeasuresUsedByUnit(tx: Tx, unitId: string, year: number) {
  return tx
    .selectDistinct({ id: measures.id, title: measures.title, type: measures.type, startDate: measures.startDate, endDate: measures.endDate, providerName: providers.name })
    .from(enrolments)
    .innerJoin(measures, eq(measures.id, enrolments.measureId))
    .leftJoin(providers, eq(providers.id, measures.providerId))
    .where(and(eq(enrolments.unitId, unitId), eq(enrolments.status, 'approved'), sql`extract(year from ${measures.startDate}) = ${year}`))
    .orderBy(asc(measures.startDate));
}

export async function listEvaluationsOfUnit(tx: Tx, unitId: string, year: number) {
  return tx.select().from(measureEvaluations).where(and(eq(measureEvaluations.unitId, unitId), eq(measureEvaluations.year, year)));
}

/** Feedback from a unit's attendees on measures starting in the year. */
export async function listFeedbackOfUnit(tx: Tx, unitId: string, year: number) {
  return tx
    .select({ measureId: measureFeedback.measureId, learned: measureFeedback.learned, usefulness: measureFeedback.usefulness, sharing: measureFeedback.sharing, reportBackDate: enrolments.reportBackDate, reportBackHow: enrolments.reportBackHow })
    .from(measureFeedback)
    .innerJoin(enrolments, eq(enrolments.id, measureFeedback.enrolmentId))
    .innerJoin(measures, eq(measures.id, measureFeedback.measureId))
    .where(and(eq(enrolments.unitId, unitId), sql`extract(year from ${measures.startDate}) = ${year}`));
}

/**
 * Save a unit's evaluation of a measure for a year. With `expectedVersion` null the row must not
 * exist yet; otherwise its version must match. Returns the new version, or null when stale.
 */
export async function saveEvaluation(tx: Tx, values: { tenantId: string; measureId: string; unitId: string; year: number; rating: number; text: string; accountId: string | null; expectedVersion: number | null }) {
  if (values.expectedVersion === null) {
    const rows = await tx
      .insert(measureEvaluations)
      .values({ tenantId: values.tenantId, measureId: values.measureId, unitId: values.unitId, year: values.year, rating: values.rating, text: values.text, accountId: values.accountId })
      .onConflictDoNothing()
      .returning({ version: measureEvaluations.version });
    return rows[0]?.version ?? null;
  }
  const rows = await tx
    .update(measureEvaluations)
    .set({ rating: values.rating, text: values.text, accountId: values.accountId, version: sql`${measureEvaluations.version} + 1`, updatedAt: new Date() })
    .where(and(eq(measureEvaluations.measureId, values.measureId), eq(measureEvaluations.unitId, values.unitId), eq(measureEvaluations.year, values.year), eq(measureEvaluations.version, values.expectedVersion)))
    .returning({ version: measureEvaluations.version });
  return rows[0]?.version ?? null;
}

/** The units whose materialised path is one of `paths` (the units a leader leads). */
export async function listUnitsByPaths(tx: Tx, paths: readonly string[]) {
  if (paths.length === 0) return [];
  return tx.select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path }).from(orgUnits).where(and(inArray(orgUnits.path, [...paths]), isNull(orgUnits.archivedAt))).orderBy(asc(orgUnits.name));
}

export async function findUnitRow(tx: Tx, id: string) {
  const rows = await tx.select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function listUnitChoices(tx: Tx) {
  return tx.select({ id: orgUnits.id, name: orgUnits.name, depth: orgUnits.depth }).from(orgUnits).where(isNull(orgUnits.archivedAt)).orderBy(asc(orgUnits.path));
}

export async function findCatalogueById(tx: Tx, id: string) {
  const rows = await tx.select().from(catalogues).where(eq(catalogues.id, id)).limit(1);
  return rows[0] ?? null;
}

// ---------------------------------------------------------------- region sharing (platform role)

/** The region of a tenant, or null. Runs under withPlatform (tenants is a platform table). */
export async function findTenantRegion(tx: Tx, tenantId: string) {
  const rows = await tx.select({ regionId: tenants.regionId, regionName: regions.name }).from(tenants).leftJoin(regions, eq(regions.id, tenants.regionId)).where(eq(tenants.id, tenantId)).limit(1);
  return rows[0]?.regionId ? { id: rows[0].regionId, name: rows[0].regionName ?? '' } : null;
}

/**
 * Published measures of a half-year's published, region-shared catalogues of the OTHER tenants
 * of a region. Cross-tenant on purpose: runs under withPlatform, and the WHERE clause is the
 * only thing that limits it, so every condition here is part of the isolation guarantee.
 */
export async function listSharedMeasuresOfRegion(tx: Tx, options: { regionId: string; exceptTenantId: string; year: number; half: string }) {
  return tx
    .select({
      id: measures.id,
      tenantName: tenants.name,
      title: measures.title,
      type: measures.type,
      startDate: measures.startDate,
      endDate: measures.endDate,
      place: measures.place,
      online: measures.online,
      capacity: measures.capacity,
      providerName: providers.name,
    })
    .from(measures)
    .innerJoin(catalogues, and(eq(catalogues.id, measures.catalogueId), eq(catalogues.tenantId, measures.tenantId)))
    .innerJoin(tenants, eq(tenants.id, measures.tenantId))
    .leftJoin(providers, eq(providers.id, measures.providerId))
    .where(
      and(
        eq(tenants.regionId, options.regionId),
        eq(tenants.status, 'active'),
        sql`${measures.tenantId} <> ${options.exceptTenantId}`,
        eq(catalogues.status, 'published'),
        eq(catalogues.sharedWithRegion, true),
        eq(catalogues.year, options.year),
        eq(catalogues.half, options.half),
        eq(measures.status, 'published'),
      ),
    )
    .orderBy(asc(tenants.name), asc(measures.startDate), asc(measures.title));
}

export async function setCatalogueShared(tx: Tx, id: string, expectedVersion: number, shared: boolean) {
  const rows = await tx
    .update(catalogues)
    .set({ sharedWithRegion: shared, version: sql`${catalogues.version} + 1`, updatedAt: new Date() })
    .where(and(eq(catalogues.id, id), eq(catalogues.version, expectedVersion)))
    .returning();
  return rows[0] ?? null;
}

// ---------------------------------------------------------------- figures (maturity, dashboard)

/**
 * The published and closed measures starting in a year: type, end date, and whether any unit's
 * leader gave it a year-end evaluation or any participant gave feedback.
 */
export async function listMeasuresOfYearWithEvaluation(tx: Tx, year: number) {
  return tx
    .select({
      id: measures.id,
      type: measures.type,
      endDate: measures.endDate,
      // Qualified by hand: drizzle writes a single table's columns unqualified, which the subqueries would capture.
      evaluated: sql<boolean>`(exists (select 1 from measure_evaluations e where e.measure_id = "measures"."id") or exists (select 1 from measure_feedback f where f.measure_id = "measures"."id"))`,
    })
    .from(measures)
    .where(and(inArray(measures.status, ['published', 'closed']), sql`extract(year from ${measures.startDate}) = ${year}`))
    .orderBy(asc(measures.startDate));
}
