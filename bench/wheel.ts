// Wheel page benchmark: a 50,000-employee tenant from the scale generator with this year's wheel
// from the Gloppen template plus one milestone for every department (avdeling), and per-unit
// statuses as a real year has them (most units done with past deadlines, some in progress, the
// rest overdue). The wheel page (/wheel, HTML, signed in as a coordinator) under autocannon on
// loopback at 1 and 20 concurrent connections, the server in its own process; plus the SQL the
// page's use case sends, replayed alone. Writes its section of docs/benchmarks.md.
//   npm run bench:wheel [-- --employees 50000 --runs 3 --seconds 10]
//   BENCH_DATABASE_URL=postgres://… npm run bench:wheel   (PostgreSQL server instead of PGlite)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../db/client.ts';
import { ensureReferenceData } from '../db/seed/reference.ts';
import { createScaleTenant } from '../db/seed/scale.ts';
import { accounts, roleAssignments } from '../db/schema/index.ts';
import { startSession } from '../core/auth/start-session.ts';
import { resolveSession } from '../core/auth/resolve-session.ts';
import { applyWheelTemplate } from '../core/annual-wheel/apply-wheel-template.ts';
import { createMilestone } from '../core/annual-wheel/create-milestone.ts';
import { getWheelOverview } from '../core/annual-wheel/get-wheel-overview.ts';
import { fmt, machine, median, verdict, writeSection } from './lib.ts';
import { load, replay, startServerProcess, type Captured, type LoadResult } from './load.ts';

const { values: args } = parseArgs({ options: { employees: { type: 'string', default: '50000' }, runs: { type: 'string', default: '3' }, seconds: { type: 'string', default: '10' } } });
const employees = Number(args.employees);
const runs = Math.max(1, Number(args.runs));
const seconds = Math.max(1, Number(args.seconds));
const url = process.env.BENCH_DATABASE_URL;
const GOAL_P95_MS = 150;
const log = (s: string) => process.stderr.write(`[bench:wheel] ${s}\n`);

const dataDir = mkdtempSync(path.join(tmpdir(), 'rytme-bench-wheel-'));
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
  log(`generating a tenant with ${employees.toLocaleString('en')} employees …`);
  const { tenant, org } = await createScaleTenant(database, { employees, slug: `bench-wheel-${Date.now()}` });
  const tenantId = tenant.id;
  const account = await database.withTenant(tenantId, async (tx) => {
    const [a] = await tx.insert(accounts).values({ tenantId, email: 'bench@example.no', displayName: 'Bench Coordinator' }).returning();
    await tx.insert(roleAssignments).values({ tenantId, accountId: a!.id, role: 'coordinator' });
    return a!;
  });
  const system = { kind: 'system' as const, tenantId, purpose: 'bench' };
  const year = new Date().getUTCFullYear();
  const { cycleId } = await applyWheelTemplate({ database, actor: system, input: { template: 'gloppen', year }, language: 'nn' });
  await createMilestone({
    database,
    actor: system,
    year,
    language: 'nn',
    input: { title: 'Medarbeidarsamtalar gjennomførte', description: '', deadline: `${year}-12-15`, ownerRole: 'unit_leader', concerns: 'unit_plan', target: 'kind:avdeling', reminderOffsets: '14, 3, 0', overdueEveryDays: '7', escalateAfterDays: '14' },
  });
  // Statuses: past deadlines mostly done (80 %) or in progress (10 %); future ones 40 % / 30 %; the rest have no row.
  const [statusCount] = await database.withTenant(tenantId, async (tx) => {
    await tx.execute(sql`
      insert into wheel_unit_statuses (tenant_id, milestone_id, unit_id, status, source)
      select m.tenant_id, m.id, u.id, case when x.h < (case when m.deadline < current_date then 80 else 40 end) then 'done' else 'in_progress' end, 'manual'
      from wheel_milestones m
      join org_units u on u.kind = m.target_kind
      cross join lateral (select abs(hashtext(u.id::text || m.id::text)) % 100 as h) x
      where m.cycle_id = ${cycleId} and x.h < (case when m.deadline < current_date then 90 else 70 end)`);
    return queryRows<{ rows: number; units: number }>(
      tx,
      sql`select (select count(*)::int from wheel_unit_statuses) as rows,
                 (select count(*)::int from org_units u where exists (select 1 from wheel_milestones m where m.cycle_id = ${cycleId} and m.target_kind = u.kind)) as units`,
    );
  });
  const session = await database.withPlatform((tx) => startSession(tx, { tenantId, accountId: account.id, now: new Date(), absoluteMinutes: 24 * 60 }));

  // The SQL alone: what the page's session lookup and use case send.
  const resolved = await resolveSession({ database, token: session.token, now: new Date(), idleMinutes: 600 });
  const wheel = await getWheelOverview({ database, actor: resolved!.actor, language: 'nn' });
  capturing = true;
  await resolveSession({ database, token: session.token, now: new Date(), idleMinutes: 600 });
  await getWheelOverview({ database, actor: resolved!.actor, language: 'nn' });
  capturing = false;
  const statements = captured.splice(0);
  log(`replaying the SQL alone (${statements.length} statements per page) …`);
  const sqlAlone = await replay(database, statements, 200);
  const useCaseTimes: number[] = [];
  for (let i = 0; i < 60; i++) {
    const start = performance.now();
    await getWheelOverview({ database, actor: resolved!.actor, language: 'nn' });
    if (i >= 10) useCaseTimes.push(performance.now() - start);
  }
  await database.close();

  const server = await startServerProcess({ dataDir, databaseUrl: url, basePort: 3800 });
  const results: LoadResult[] = [];
  let bytes = 0;
  try {
    const cookie = { cookie: `rytme_session=${session.token}` };
    const page = await fetch(`${server.base}/wheel`, { headers: cookie });
    if (page.status !== 200) throw new Error(`/wheel answered ${page.status}`);
    bytes = (await page.arrayBuffer()).byteLength;
    await load(server.base, cookie, 4, 3, ['/wheel']); // warm-up
    for (const connections of [1, 20]) {
      for (let r = 0; r < runs; r++) {
        log(`wheel page, ${connections} connection(s), run ${r + 1}/${runs} …`);
        results.push(await load(server.base, cookie, connections, seconds, ['/wheel']));
      }
    }
  } finally {
    await server.stop();
  }

  const at = (c: number) => results.filter((r) => r.connections === c);
  const med = (rs: LoadResult[], key: 'p50' | 'p95' | 'rps') => median(rs.map((r) => r[key]));
  const p95at20 = med(at(20), 'p95');
  const rows = results.map((r, i) => `| ${r.connections} | ${(i % runs) + 1} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.rps, 0)} | ${r.requests} | ${r.errors} |`).join('\n');
  const md = `## Wheel page on ${url ? 'PostgreSQL' : 'PGlite'} (annual wheel, 50,000 employees)

Generated by \`npm run bench:wheel\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. Machine: ${machine()}. Database: ${url ? 'PostgreSQL server (BENCH_DATABASE_URL)' : 'PGlite (embedded, in the app process)'}.

A tenant of ${employees.toLocaleString('en')} employees in ${org.units.length.toLocaleString('en')} units (\`db/seed/scale.ts\`); this year's wheel from the
Gloppen template (${wheel.milestones.length - 1} milestones) plus one milestone for every department, so ${statusCount!.units.toLocaleString('en')} units are
targets, with ${statusCount!.rows.toLocaleString('en')} status rows (past deadlines: 80 % done, 10 % in progress, 10 % overdue;
future: 40 % / 30 % / 30 % not started). \`GET /wheel\` as a coordinator (session cookie), the production
server in its own process, autocannon on loopback, ${seconds} s per run, ${runs} runs per concurrency after a
warm-up. Page size: ${(bytes / 1024).toFixed(0)} KiB of HTML. Goal: p95 ≤ ${GOAL_P95_MS} ms at 20 concurrent users.

| Connections | p50 (ms, median of runs) | p95 (ms, median of runs) | Requests/s | Goal |
|---:|---:|---:|---:|---|
| 1 | ${fmt(med(at(1), 'p50'))} | ${fmt(med(at(1), 'p95'))} | ${fmt(med(at(1), 'rps'), 0)} | – |
| 20 | ${fmt(med(at(20), 'p50'))} | ${fmt(p95at20)} | ${fmt(med(at(20), 'rps'), 0)} | ${verdict(p95at20 <= GOAL_P95_MS)} |

Every run:

| Connections | Run | p50 (ms) | p95 (ms) | Requests/s | Requests | Errors |
|---:|---:|---:|---:|---:|---:|---:|
${rows}

The page's use case alone (\`getWheelOverview\`, in the benchmark process): median ${fmt(median(useCaseTimes))} ms. Its SQL alone
(${statements.length} statements including the session lookup, replayed on the raw driver, one transaction each): p50
${fmt(sqlAlone.p50)} ms, p95 ${fmt(sqlAlone.p95)} ms.
`;
  writeSection(url ? 'wheel-postgres' : 'wheel-pglite', md);
  log(`20 connections: p95 ${fmt(p95at20)} ms (goal ≤ ${GOAL_P95_MS}); written to docs/benchmarks.md`);
} finally {
  if (!database.pglite?.closed) await database.close().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
}
