// The platform administration overview: every tenant with its region, status and counts of
// units, people and accounts, and every region with its member tenants. Cross-tenant by
// design, so it runs under the platform role and only for platform administrators.
import type { Database } from '../../db/client.ts';
import { listRegions } from '../../db/repositories/region.repository.ts';
import { listTenantsWithCounts } from '../../db/repositories/tenant.repository.ts';
import type { AccountActor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';

export interface ListPlatformOverviewOptions {
  database: Database;
  actor: AccountActor;
}

export async function listPlatformOverview({ database, actor }: ListPlatformOverviewOptions) {
  authorize(actor, 'platform.tenants', { tenantId: actor.tenantId });
  return database.withPlatform(async (tx) => {
    const tenants = await listTenantsWithCounts(tx);
    const regions = await listRegions(tx);
    return {
      tenants: tenants.map((t) => ({ ...t, isOwn: t.id === actor.tenantId })),
      regions,
    };
  });
}

export type PlatformOverview = Awaited<ReturnType<typeof listPlatformOverview>>;
