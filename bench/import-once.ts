// One import run in its own process (so its peak RSS is the import's): a CSV of N employees
// generated from the synthetic organisation (units given by code, name and parent code in
// the same rows), uploaded, mapped, previewed and committed through the import use cases —
// the same code the pg-boss jobs run. Prints one JSON line with timings and peak RSS.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../db/client.ts';
import { ensureReferenceData } from '../db/seed/reference.ts';
import { generateOrganisation } from '../db/seed/organisation.ts';
import { tenants } from '../db/schema/index.ts';
import { uploadImportFile } from '../core/import/upload-import-file.ts';
import { requestImportPreview } from '../core/import/request-import-preview.ts';
import { previewImport } from '../core/import/preview-import.ts';
import { requestImportCommit } from '../core/import/request-import-commit.ts';
import { commitImport } from '../core/import/commit-import.ts';
import { suggestMapping } from '../core/import/fields.ts';
import type { SystemActor } from '../core/shared/actor.ts';

const employees = Number(process.argv[2] ?? 50_000);
const t0 = performance.now();
const mark = (label: string) => process.stderr.write(`${label} ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
const dataDir = mkdtempSync(path.join(tmpdir(), 'rytme-import-bench-'));
const url = process.env.BENCH_DATABASE_URL;
const database = await openDatabase({ url, dataDir: url ? undefined : path.join(dataDir, 'pglite') });
try {
  mark('opened');
  await database.migrate();
  await ensureReferenceData(database);
  mark('migrated');
  const [tenant] = await database.withPlatform((tx) => tx.insert(tenants).values({ slug: `import-bench-${Date.now()}`, name: 'Importkommune' }).returning());
  const actor: SystemActor = { kind: 'system', tenantId: tenant!.id, purpose: 'bench' };

  const org = generateOrganisation({ seed: 11, employees });
  const unitById = new Map(org.units.map((u) => [u.id, u]));
  const personById = new Map(org.persons.map((p) => [p.id, p]));
  const header = ['Tilsettnummer', 'Fornamn', 'Etternamn', 'E-post', 'Fødselsår', 'Einingskode', 'Einingsnamn', 'Overordna eining', 'Stilling', 'Stillingsprosent', 'STYRK-08', 'Stillingskode', 'Yrkesgruppe', 'Startdato', 'Sluttdato'];
  const esc = (v: string) => (/[";\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [header.join(';')];
  for (const e of org.employments) {
    const p = personById.get(e.personId)!;
    const u = unitById.get(e.unitId)!;
    const parent = u.parentId ? unitById.get(u.parentId)!.code : '';
    lines.push([e.employeeNumber, p.givenName, p.familyName, p.email ?? '', String(p.birthYear), u.code, u.name, parent, e.positionTitle, String(e.ftePercent).replace('.', ','), e.styrk08, e.ksJobCode, e.occupationalGroup, e.startDate, e.endDate ?? ''].map(esc).join(';'));
  }
  const bytes = new TextEncoder().encode(lines.join('\n'));
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  const { runId } = await uploadImportFile({ database, actor, fileName: 'hr-export.csv', bytes, createdBy: '00000000-0000-0000-0000-000000000000' });
  const uploaded = performance.now();
  let previewed = 0;
  await requestImportPreview({
    database,
    actor,
    runId,
    mapping: suggestMapping(header, null),
    mappingVersion: null,
    endMissing: true,
    enqueue: async () => {
      const r = await previewImport({ database, actor, runId });
      if (r.status !== 'previewed') throw new Error(`preview ended as ${r.status}`);
      previewed = performance.now();
    },
  });
  let counts: unknown = null;
  await requestImportCommit({
    database,
    actor,
    runId,
    enqueue: async () => {
      const r = await commitImport({ database, actor, runId });
      if (r.status !== 'committed') throw new Error(`commit ended as ${r.status}: ${JSON.stringify(r.failure)}`);
      counts = r.counts;
    },
  });
  const done = performance.now();
  clearInterval(sampler);
  process.stdout.write(
    `${JSON.stringify({
      employees,
      bytes: bytes.length,
      uploadSeconds: (uploaded - started) / 1000,
      previewSeconds: (previewed - uploaded) / 1000,
      commitSeconds: (done - previewed) / 1000,
      totalSeconds: (done - started) / 1000,
      importPeakRssMiB: peakRss / 2 ** 20,
      processMaxRssMiB: process.resourceUsage().maxRSS / 1024,
      counts,
    })}\n`,
  );
  mark('done');
} finally {
  await database.close();
  mark('closed');
  rmSync(dataDir, { recursive: true, force: true });
}
