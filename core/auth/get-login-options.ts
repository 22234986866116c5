// What the sign-in page offers: the active municipalities to choose from and, for the chosen
// one, whether it has an OpenID Connect button. Never reveals OIDC secrets.
import type { Database } from '../../db/client.ts';
import { findActiveTenantBySlug, listActiveTenants } from '../../db/repositories/account.repository.ts';

export interface LoginOptions {
  tenants: Array<{ slug: string; name: string }>;
  chosen: { slug: string; name: string; oidcDisplayName: string | null } | null;
}

export async function getLoginOptions(options: { database: Database; candidates: Array<string | null | undefined> }): Promise<LoginOptions> {
  return options.database.withPlatform(async (tx) => {
    const tenants = (await listActiveTenants(tx)).map((t) => ({ slug: t.slug, name: t.name }));
    let chosen: LoginOptions['chosen'] = null;
    const slugs = [...options.candidates, tenants.length === 1 ? tenants[0]!.slug : null];
    for (const slug of slugs) {
      if (!slug || !/^[a-z0-9-]{1,64}$/.test(slug)) continue;
      const tenant = await findActiveTenantBySlug(tx, slug);
      if (tenant) {
        chosen = { slug: tenant.slug, name: tenant.name, oidcDisplayName: tenant.oidc ? tenant.oidc.displayName || tenant.oidc.issuer : null };
        break;
      }
    }
    return { tenants, chosen };
  });
}
