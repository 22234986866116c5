// HTTP latency benchmark at scale: a 50,000-employee tenant, the unit page (HTML, signed in as
// a coordinator) and the person API (JSON, API token) under autocannon on loopback, at 1 and
// at 20 concurrent connections; plus the time of the underlying SQL alone: the exact statements
// the request's use cases send (session or token lookup, the use case's queries and its audit
// insert), captured once through the database hook and replayed on the raw driver in one
// transaction per request.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../db/client.ts';
import { ensureReferenceData } from '../db/seed/reference.ts';
import { createScaleTenant } from '../db/seed/scale.ts';
import { accounts, roleAssignments } from '../db/schema/index.ts';
import { startSession } from '../core/auth/start-session.ts';
import { resolveSession } from '../core/auth/resolve-session.ts';
import { createApiToken } from '../core/api-tokens/create-api-token.ts';
import { authenticateApiToken } from '../core/api-tokens/authenticate-api-token.ts';
import { getUnit } from '../core/org/get-unit.ts';
import { getPerson } from '../core/people/get-person.ts';
import { load, replay, startServerProcess, type Captured, type LoadResult } from './load.ts';

export type { LoadResult };

export interface HttpBenchResult {
  employees: number;
  units: number;
  unitLabel: string;
  database: string;
  unitPage: LoadResult[];
  personApi: LoadResult[];
  sqlUnit: { p50: number; p95: number };
  sqlPerson: { p50: number; p95: number };
}

export async function benchHttp(options: { employees: number; runs: number; seconds: number; log: (s: string) => void }): Promise<HttpBenchResult> {
  const { log } = options;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rytme-bench-'));
  const url = process.env.BENCH_DATABASE_URL;
  const captured: Captured[] = [];
  let capturing = false;
  const database = await openDatabase({
    url,
    dataDir: url ? undefined : path.join(dataDir, 'pglite'),
    onQuery: (query, params) => {
      if (capturing) captured.push({ query, params });
    },
  });
  try {
    await database.migrate();
    await ensureReferenceData(database);
    log(`generating a tenant with ${options.employees} employees …`);
    const { tenant, org } = await createScaleTenant(database, { employees: options.employees, slug: `bench-${Date.now()}` });
    const tenantId = tenant.id;
    const account = await database.withTenant(tenantId, async (tx) => {
      const [a] = await tx.insert(accounts).values({ tenantId, email: 'bench@example.no', displayName: 'Bench Coordinator' }).returning();
      await tx.insert(roleAssignments).values({ tenantId, accountId: a!.id, role: 'coordinator' });
      return a!;
    });
    const session = await database.withPlatform((tx) => startSession(tx, { tenantId, accountId: account.id, now: new Date(), absoluteMinutes: 24 * 60 }));
    const token = await createApiToken({ database, actor: { kind: 'system', tenantId, purpose: 'bench' }, input: { name: 'bench', scopes: ['people:read', 'org:read'] } });
    // The unit page under test: the eining with the largest subtree (the heaviest realistic page).
    const [unit] = await database.withTenant(tenantId, (tx) =>
      queryRows<{ id: string; name: string; members: number }>(
        tx,
        sql`select u.id, u.name, (select count(*)::int from employments e join org_units d on d.id = e.unit_id where d.path like u.path || '%') as members
            from org_units u where u.kind = 'eining' order by members desc limit 1`,
      ),
    );
    const personIds = org.persons.filter((_, i) => i % 50 === 0).map((p) => p.id);

    // The SQL alone.
    const resolved = await resolveSession({ database, token: session.token, now: new Date(), idleMinutes: 600 });
    capturing = true;
    await resolveSession({ database, token: session.token, now: new Date(), idleMinutes: 600 });
    await getUnit({ database, actor: resolved!.actor, unitId: unit!.id });
    capturing = false;
    const unitStatements = captured.splice(0);
    capturing = true;
    const apiActor = await authenticateApiToken({ database, secret: token.secret });
    await getPerson({ database, actor: apiActor.actor, personId: personIds[0]! });
    capturing = false;
    const personStatements = captured.splice(0);
    log(`replaying the SQL alone (${unitStatements.length} statements per unit page, ${personStatements.length} per person request) …`);
    const sqlUnit = await replay(database, unitStatements, 300);
    const sqlPerson = await replay(database, personStatements, 300);
    await database.close();

    // The real server in its own process; autocannon in this one.
    const server = await startServerProcess({ dataDir, databaseUrl: url, basePort: 3900 });
    const base = server.base;
    try {
      const unitPaths = [`/org/units/${unit!.id}`];
      const personPaths = personIds.map((id) => `/api/v1/persons/${id}`);
      const cookie = { cookie: `rytme_session=${session.token}` };
      const bearer = { authorization: `Bearer ${token.secret}`, accept: 'application/json' };
      await load(base, cookie, 4, 3, unitPaths); // warm-up
      await load(base, bearer, 4, 3, personPaths);
      const unitPage: LoadResult[] = [];
      const personApi: LoadResult[] = [];
      for (const connections of [1, 20]) {
        for (let r = 0; r < options.runs; r++) {
          log(`unit page, ${connections} connection(s), run ${r + 1}/${options.runs} …`);
          unitPage.push(await load(base, cookie, connections, options.seconds, unitPaths));
          log(`person API, ${connections} connection(s), run ${r + 1}/${options.runs} …`);
          personApi.push(await load(base, bearer, connections, options.seconds, personPaths));
        }
      }
      return {
        employees: options.employees,
        units: org.units.length,
        unitLabel: `${unit!.name} (${unit!.members} employees in its subtree)`,
        database: url ? 'PostgreSQL server' : 'PGlite (embedded, in the app process)',
        unitPage,
        personApi,
        sqlUnit,
        sqlPerson,
      };
    } finally {
      await server.stop();
    }
  } finally {
    if (!database.pglite?.closed) await database.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
