// The scale generator: a tenant of any size for benchmarks (e.g. 50,000 employees in about
// 2,000 units), created through the same bulk insert as the demo.
import type { Database } from '../client.ts';
import { tenants } from '../schema/index.ts';
import { generateOrganisation, insertOrganisation } from './organisation.ts';

export interface ScaleTenantOptions {
  employees: number;
  slug?: string;
  seed?: number;
}

export async function createScaleTenant(database: Database, options: ScaleTenantOptions) {
  const slug = options.slug ?? `skala-${options.employees}`;
  const [tenant] = await database.withPlatform((tx) =>
    tx.insert(tenants).values({ slug, name: `Skalakommune ${options.employees.toLocaleString('nb-NO')}`, defaultLanguage: 'nn' }).returning(),
  );
  const org = generateOrganisation({ seed: options.seed ?? 50_000, employees: options.employees, name: `Skalakommune`, emailDomain: `${slug}.kommune.no` });
  await insertOrganisation(database, tenant!.id, org, 2000);
  return { tenant: tenant!, org };
}
