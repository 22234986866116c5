// Import-boundary lint: dependencies point inward only.
//   app/ (routes, components)  -> core, locales        never db/schema, db/repositories, drizzle, pg
//   jobs/                      -> core, locales, server never db/schema or drizzle directly
//   core/                      -> db/repositories, db/client (types), locales
//                                 never React, React Router, Express, drizzle-orm, pg, PGlite, db/schema, app/, server/
// Exits non-zero and lists every violation.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

interface Rule {
  dir: string;
  forbidden: Array<{ test: (spec: string, resolved: string | null) => boolean; why: string }>;
}

const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');
const under = (resolved: string | null, dir: string) => resolved !== null && rel(resolved).startsWith(`${dir}/`);
const pkg = (spec: string, names: string[]) => names.some((n) => spec === n || spec.startsWith(`${n}/`));

const rules: Rule[] = [
  {
    dir: 'core',
    forbidden: [
      { test: (s) => pkg(s, ['react', 'react-dom', 'react-router', '@react-router', 'express', 'drizzle-orm', 'pg', '@electric-sql/pglite', 'pg-boss']), why: 'core must not depend on web frameworks or the database client' },
      { test: (_s, r) => under(r, 'db/schema') || under(r, 'app') || under(r, 'server') || under(r, 'jobs'), why: 'core may reach the database only through db/repositories' },
    ],
  },
  {
    dir: 'app',
    forbidden: [
      { test: (s) => pkg(s, ['drizzle-orm', 'pg', '@electric-sql/pglite']), why: 'routes and components call core, never SQL' },
      { test: (_s, r) => under(r, 'db/schema') || under(r, 'db/repositories'), why: 'routes and components call core, never repositories' },
    ],
  },
  {
    dir: 'jobs',
    forbidden: [
      { test: (s) => pkg(s, ['drizzle-orm']), why: 'jobs call core use cases' },
      { test: (_s, r) => under(r, 'db/schema') || under(r, 'db/repositories'), why: 'jobs call core use cases' },
    ],
  },
];

const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const violations: string[] = [];
for (const rule of rules) {
  const dir = path.join(root, rule.dir);
  let files: string[] = [];
  try {
    files = walk(dir);
  } catch {
    continue;
  }
  for (const file of files) {
    if (file.endsWith('.test.ts')) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const typeOnly = Boolean(m[2]);
      const spec = m[3] ?? m[4] ?? '';
      const resolved = spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : null;
      // Type-only imports of the database handle types are how core names its dependencies.
      if (typeOnly && resolved && rel(resolved) === 'db/client.ts') continue;
      for (const f of rule.forbidden) {
        if (f.test(spec, resolved)) violations.push(`${rel(file)}: imports '${spec}' — ${f.why}`);
      }
    }
  }
}

if (violations.length) {
  console.error(`Import boundaries violated (${violations.length}):\n${violations.join('\n')}`);
  process.exit(1);
}
console.log('Import boundaries: ok');
