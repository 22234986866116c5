// Competence-plan benchmark: a tenant from the scale generator (50,000 employees, about 2,000
// units), a wheel cycle, and 2,000 units' submitted mapping forms with 3–8 needs each (areas
// from the starting vocabulary, both terms with long-term needs over the 3 years after the cycle's, 1–3 preferred measure types, people, cost and
// substitute cost), then `getPlanAggregate` (policy, the grouped needs query, the mix query,
// the count, the per-year outlook query, the shaping rules) run repeatedly. Writes its section of docs/benchmarks.md.
//   npm run bench:plan [-- --units 2000 --runs 7]
//   BENCH_DATABASE_URL=postgres://… npm run bench:plan   (PostgreSQL server instead of PGlite)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../db/client.ts';
import { ensureReferenceData } from '../db/seed/reference.ts';
import { createScaleTenant } from '../db/seed/scale.ts';
import { seedCompetenceAreas } from '../db/seed/competence-areas.ts';
import { accounts, roleAssignments, wheelCycles } from '../db/schema/index.ts';
import { buildActor } from '../core/auth/build-actor.ts';
import { getPlanAggregate } from '../core/competence-plan/get-plan-aggregate.ts';
import { MEASURE_TYPES } from '../core/shared/measure-types.ts';
import { fmt, machine, median, verdict, writeSection } from './lib.ts';

const { values: args } = parseArgs({ options: { units: { type: 'string', default: '2000' }, runs: { type: 'string', default: '7' } } });
const unitCount = Number(args.units);
const runs = Math.max(1, Number(args.runs));
const url = process.env.BENCH_DATABASE_URL;
const GOAL_MS = 1000;
const employees = Math.max(2000, unitCount * 25);
const log = (s: string) => process.stderr.write(`[bench:plan] ${s}\n`);

const dataDir = mkdtempSync(path.join(tmpdir(), 'rytme-bench-plan-'));
const database = await openDatabase({ url, dataDir: url ? undefined : path.join(dataDir, 'pglite') });
try {
  await database.migrate();
  await ensureReferenceData(database);
  log(`generating a tenant with ${employees.toLocaleString('en')} employees …`);
  const { tenant } = await createScaleTenant(database, { employees, slug: `bench-plan-${Date.now()}` });
  const tenantId = tenant.id;
  await seedCompetenceAreas(database, tenantId);
  const year = new Date().getUTCFullYear() + 1;
  const types = `{${MEASURE_TYPES.join(',')}}`;
  log(`${unitCount.toLocaleString('en')} units' submitted forms …`);
  const { account, units, needs } = await database.withTenant(tenantId, async (tx) => {
    const [a] = await tx.insert(accounts).values({ tenantId, email: 'bench@example.no', displayName: 'Bench Coordinator' }).returning();
    await tx.insert(roleAssignments).values({ tenantId, accountId: a!.id, role: 'coordinator' });
    const [cycle] = await tx.insert(wheelCycles).values({ tenantId, year, title: `Årshjul ${year}` }).returning();
    // Service areas, units and departments (everything below the municipality), as many as asked for.
    await tx.execute(sql`insert into mapping_forms (tenant_id, cycle_id, unit_id, status, submitted_at, submitted_by_account_id)
      select ${tenantId}, ${cycle!.id}, u.id, 'submitted', now(), ${a!.id}
        from (select id from org_units where depth >= 1 order by path limit ${unitCount}) u`);
    // 3–8 needs per form, spread deterministically over areas, terms (long-term ones over the 3 years after the cycle's), measure types, people and costs.
    await tx.execute(sql`with areas as (select array_agg(id order by name) as a from competence_areas),
      types as (select ${types}::text[] as t)
      insert into mapping_needs (tenant_id, form_id, position, term, year, competence_area_id, description, people_count, measure_types, priority, cost_nok, substitute_cost_nok)
      select ${tenantId}, f.id, g.k, case when h % 3 = 0 then 'long' else 'short' end,
             case when h % 3 = 0 then ${year} + 1 + (h / 3) % 3 else ${year} end,
             areas.a[1 + h % cardinality(areas.a)],
             'Behov ' || g.k, 1 + h % 12,
             case when h % 3 = 0 then array[types.t[1 + h % 11]]
                  when h % 3 = 1 then array[types.t[1 + h % 11], types.t[1 + (h / 11) % 11]]
                  else array[types.t[1 + h % 11], types.t[1 + (h / 7) % 11], types.t[1 + (h / 13) % 11]] end,
             1 + h % 3, (h % 40) * 1500, (h % 25) * 2000
        from mapping_forms f
        cross join lateral generate_series(1, 3 + (hashtext(f.id::text) & 2147483647) % 6) as g(k)
        cross join lateral (select hashtext(f.id::text || g.k::text) & 2147483647 as h) hh
        cross join types
        cross join areas
       where f.cycle_id = ${cycle!.id}`);
    const [counts] = await queryRows<{ units: number; needs: number }>(tx, sql`select (select count(*) from mapping_forms where cycle_id = ${cycle!.id})::int as units, (select count(*) from mapping_needs n join mapping_forms f on f.id = n.form_id where f.cycle_id = ${cycle!.id})::int as needs`);
    return { account: a!, ...counts! };
  });
  const actor = buildActor({ tenantId, accountId: account.id, personId: null, assignedRoles: ['coordinator'], leaderUnitPaths: [], ownUnitPaths: [] });

  const times: number[] = [];
  let areas = 0;
  let people = 0;
  for (let i = 0; i <= runs; i++) {
    const start = performance.now();
    const view = await getPlanAggregate({ database, actor, year: String(year) });
    const ms = performance.now() - start;
    areas = view.aggregate.areas.length;
    people = view.aggregate.total.people;
    if (i > 0) times.push(ms); // the first run warms caches
  }
  const result = { median: median(times), min: Math.min(...times), max: Math.max(...times) };

  const dbLabel = url ? 'PostgreSQL server (BENCH_DATABASE_URL)' : 'PGlite (embedded, in-process)';
  const md = `## Competence-plan aggregation on ${url ? 'PostgreSQL' : 'PGlite'} (municipal plan from the units' forms)

Generated by \`npm run bench:plan\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. Machine: ${machine()}. Database: ${dbLabel}.

A tenant of ${employees.toLocaleString('en')} employees (\`db/seed/scale.ts\`) with ${units.toLocaleString('en')} units' submitted mapping forms
for one wheel cycle, ${needs.toLocaleString('en')} needs in all (3–8 per form, ${areas} competence areas, both terms, 1–3 measure types each).
One call of \`getPlanAggregate\` = policy check, the grouped needs query (area × sector × term), the
measure-mix query, the form count, the 4-year outlook query (area × year) and the shaping rules. ${runs} timed runs after one warm-up; goal ≤ ${GOAL_MS} ms.

| Units | Needs | People | Median (ms) | Min (ms) | Max (ms) | Goal |
|---:|---:|---:|---:|---:|---:|---|
| ${units.toLocaleString('en')} | ${needs.toLocaleString('en')} | ${people.toLocaleString('en')} | ${fmt(result.median, 0)} | ${fmt(result.min, 0)} | ${fmt(result.max, 0)} | ${verdict(result.median <= GOAL_MS)} |
`;
  writeSection(url ? 'plan-postgres' : 'plan-pglite', md);
  log(`median ${fmt(result.median, 0)} ms over ${units} units / ${needs} needs; written to docs/benchmarks.md`);
} finally {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
