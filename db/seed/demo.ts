// The demo municipality, created on first start when DEMO is on. Synthetic but realistic:
// see db/seed/organisation.ts for the organisation and people generator.
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { hashPassword } from '../../core/auth/password.ts';
import { applyWheelTemplate } from '../../core/annual-wheel/apply-wheel-template.ts';
import { accounts, employments, orgUnits, roleAssignments, tenants, unitLeaders } from '../schema/index.ts';
import { seedCompetenceAreas } from './competence-areas.ts';
import { generateOrganisation, insertOrganisation } from './organisation.ts';

export const DEMO_SLUG = 'fjordvik';
export const DEMO_PASSWORD = 'fjordvik-demo-2026';

export interface DemoInfo {
  created: boolean;
  slug: string;
  name: string;
  logins: Array<{ role: string; email: string; password: string }>;
}

const DEMO_LOGINS = [
  { role: 'tenant_admin', email: 'admin@fjordvik.kommune.no', name: 'Ingrid Admin', roles: ['tenant_admin', 'coordinator', 'platform_admin'] },
  { role: 'coordinator', email: 'hr@fjordvik.kommune.no', name: 'Hallvard Personalrådgjevar', roles: ['coordinator'] },
] as const;

export async function ensureDemoMunicipality(database: Database, options: { employees?: number } = {}): Promise<DemoInfo> {
  const existing = await database.withPlatform((tx) => tx.select().from(tenants).where(eq(tenants.slug, DEMO_SLUG)).limit(1));
  if (existing[0]) return { created: false, slug: DEMO_SLUG, name: existing[0].name, logins: await demoLogins(database, existing[0].id) };

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const [tenant] = await database.withPlatform((tx) => tx.insert(tenants).values({ slug: DEMO_SLUG, name: 'Fjordvik kommune', municipalityNumber: '4699', defaultLanguage: 'nn' }).returning());
  const tenantId = tenant!.id;
  const org = generateOrganisation({ seed: 4699, employees: options.employees ?? 600 });
  const result = await insertOrganisation(database, tenantId, org);
  await database.withTenant(tenantId, async (tx) => {
    for (const login of DEMO_LOGINS) {
      const [account] = await tx.insert(accounts).values({ tenantId, email: login.email, displayName: login.name, passwordHash }).returning({ id: accounts.id });
      await tx.insert(roleAssignments).values(login.roles.map((role) => ({ tenantId, accountId: account!.id, role })));
    }
    // Every person gets an account (employee role) so the demo can sign in as anyone.
    const rows = result.persons.filter((p) => p.email);
    const ids: Array<{ id: string; personId: string | null }> = [];
    for (let i = 0; i < rows.length; i += 500) {
      ids.push(
        ...(await tx
          .insert(accounts)
          .values(rows.slice(i, i + 500).map((p) => ({ tenantId, email: p.email!, displayName: `${p.givenName} ${p.familyName}`, personId: p.id, passwordHash })))
          .returning({ id: accounts.id, personId: accounts.personId })),
      );
    }
    // The kommunedirektør is the executive; one helsefagarbeidar is the union representative.
    const director = org.leaders.find((l) => l.unitId === org.units[0]!.id);
    const rep = org.employments.find((e) => e.positionTitle === 'Helsefagarbeidar');
    const grant = [
      director && { role: 'executive', personId: director.personId },
      rep && { role: 'union_rep', personId: rep.personId },
    ].filter((g): g is { role: string; personId: string } => Boolean(g));
    for (const g of grant) {
      const account = ids.find((a) => a.personId === g.personId);
      if (account) await tx.insert(roleAssignments).values({ tenantId, accountId: account.id, role: g.role });
    }
  });
  // This year's annual wheel after the Gloppen model, so the demo shows the rhythm from the start.
  await applyWheelTemplate({ database, actor: { kind: 'system', tenantId, purpose: 'seed' }, input: { template: 'gloppen', year: new Date().getFullYear() }, language: 'nn' });
  await seedCompetenceAreas(database, tenantId);
  return { created: true, slug: DEMO_SLUG, name: tenant!.name, logins: await demoLogins(database, tenantId) };
}

/** Who to sign in as in the demo: the fixed admin and HR accounts plus one person per role. */
async function demoLogins(database: Database, tenantId: string): Promise<DemoInfo['logins']> {
  const logins: DemoInfo['logins'] = DEMO_LOGINS.map((l) => ({ role: l.role, email: l.email, password: DEMO_PASSWORD }));
  await database.withTenant(tenantId, async (tx) => {
    for (const role of ['executive', 'union_rep']) {
      const [row] = await tx
        .select({ email: accounts.email })
        .from(roleAssignments)
        .innerJoin(accounts, eq(accounts.id, roleAssignments.accountId))
        .where(and(eq(roleAssignments.role, role), isNotNull(accounts.personId)))
        .limit(1);
      if (row) logins.push({ role, email: row.email, password: DEMO_PASSWORD });
    }
    // The leader of the first unit (eining) in Helse og omsorg, and one employee there.
    const [unit] = await tx
      .select({ id: orgUnits.id, path: orgUnits.path })
      .from(orgUnits)
      .innerJoin(unitLeaders, eq(unitLeaders.unitId, orgUnits.id))
      .where(and(eq(orgUnits.kind, 'eining'), sql`exists (select 1 from org_units s where s.kind = 'sektor' and s.name = 'Helse og omsorg' and ${orgUnits.parentId} = s.id)`))
      .orderBy(asc(orgUnits.code))
      .limit(1);
    if (!unit) return;
    const [leader] = await tx.select({ email: accounts.email }).from(unitLeaders).innerJoin(accounts, eq(accounts.personId, unitLeaders.personId)).where(eq(unitLeaders.unitId, unit.id)).limit(1);
    if (leader) logins.push({ role: 'unit_leader', email: leader.email, password: DEMO_PASSWORD });
    const [employee] = await tx
      .select({ email: accounts.email })
      .from(employments)
      .innerJoin(orgUnits, eq(orgUnits.id, employments.unitId))
      .innerJoin(accounts, eq(accounts.personId, employments.personId))
      .where(and(sql`${orgUnits.path} like ${unit.path + '/%'}`, sql`not exists (select 1 from unit_leaders l where l.person_id = ${employments.personId})`))
      .orderBy(asc(employments.employeeNumber))
      .limit(1);
    if (employee) logins.push({ role: 'employee', email: employee.email, password: DEMO_PASSWORD });
  });
  return logins;
}
