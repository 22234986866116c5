// `npm run test:pg`: the database and integration tests against a real PostgreSQL server.
// Needs TEST_DATABASE_URL (a role that may create databases); .ci/run sets it up.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

if (!process.env.TEST_DATABASE_URL) {
  console.error('test:pg needs TEST_DATABASE_URL=postgres://user:pass@host:5432/postgres (a role with CREATEDB and CREATEROLE).');
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, '..');
const r = spawnSync(process.execPath, ['scripts/test.ts', '--db-only'], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
