// The demo municipality, created on first start when DEMO is on. Synthetic but realistic:
// see db/seed/demo-data.ts for the organisation and people generator.
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { hashPassword } from '../../core/auth/password.ts';
import { accounts, orgUnits, roleAssignments, tenants, unitLeaders } from '../schema/index.ts';
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
  const info = (created: boolean, name: string, leaderEmail?: string): DemoInfo => ({
    created,
    slug: DEMO_SLUG,
    name,
    logins: [
      ...DEMO_LOGINS.map((l) => ({ role: l.role, email: l.email, password: DEMO_PASSWORD })),
      ...(leaderEmail ? [{ role: 'unit_leader', email: leaderEmail, password: DEMO_PASSWORD }] : []),
    ],
  });
  if (existing[0]) {
    return info(false, existing[0].name, await findDemoLeaderEmail(database, existing[0].id));
  }

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
  });
  // Every person gets an account (employee role) so the demo can sign in as anyone.
  await database.withTenant(tenantId, async (tx) => {
    const rows = result.persons.filter((p) => p.email);
    for (let i = 0; i < rows.length; i += 500) {
      await tx.insert(accounts).values(
        rows.slice(i, i + 500).map((p) => ({ tenantId, email: p.email!, displayName: `${p.givenName} ${p.familyName}`, personId: p.id, passwordHash })),
      );
    }
  });
  return info(true, tenant!.name, await findDemoLeaderEmail(database, tenantId));
}

/** The demo's sample unit leader: the leader of the first unit (eining) in Helse og omsorg. */
async function findDemoLeaderEmail(database: Database, tenantId: string): Promise<string | undefined> {
  const rows = await database.withTenant(tenantId, (tx) =>
    tx
      .select({ email: accounts.email })
      .from(unitLeaders)
      .innerJoin(orgUnits, eq(orgUnits.id, unitLeaders.unitId))
      .innerJoin(accounts, eq(accounts.personId, unitLeaders.personId))
      .where(and(eq(orgUnits.kind, 'eining')))
      .orderBy(asc(orgUnits.code))
      .limit(1),
  );
  return rows[0]?.email;
}
