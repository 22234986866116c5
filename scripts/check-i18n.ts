// Every message key exists in nn, nb and en (no empty values), and every literal key used in
// app/ with t('…') exists in the catalogues. Exits non-zero on any gap.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { catalogues, LANGUAGES } from '../locales/index.ts';

const root = path.resolve(import.meta.dirname, '..');

function flatten(node: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (node && typeof node === 'object' && !Array.isArray(node)) {
    for (const [k, v] of Object.entries(node)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, node);
  return out;
}

const problems: string[] = [];
const keys = Object.fromEntries(LANGUAGES.map((l) => [l, flatten(catalogues[l])]));
const all = new Set(LANGUAGES.flatMap((l) => [...keys[l]!.keys()]));
for (const key of all) {
  for (const l of LANGUAGES) {
    const v = keys[l]!.get(key);
    if (v === undefined) problems.push(`missing in ${l}: ${key}`);
    else if (typeof v !== 'string' || v.trim() === '') problems.push(`empty or not a string in ${l}: ${key}`);
  }
  // Placeholders must match across languages.
  const ph = (l: string) => [...String(keys[l]!.get(key) ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
  for (const l of LANGUAGES) if (keys[l]!.has(key) && ph(l) !== ph('nn')) problems.push(`placeholders differ in ${l}: ${key}`);
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else if (/\.(ts|tsx)$/.test(name)) out.push(full);
  }
  return out;
}
const USE = /\bt\(\s*'([a-z][\w]*\.[\w.]+)'/g;
for (const dir of ['app', 'core', 'jobs', 'server']) {
  let files: string[] = [];
  try {
    files = walk(path.join(root, dir));
  } catch {
    continue;
  }
  for (const file of files) {
    for (const m of readFileSync(file, 'utf8').matchAll(USE)) {
      if (!keys.nn!.has(m[1]!)) problems.push(`${path.relative(root, file)} uses unknown key ${m[1]}`);
    }
  }
}

if (problems.length) {
  console.error(`i18n check failed (${problems.length}):\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`i18n: ${all.size} keys present in ${LANGUAGES.join(', ')}`);
