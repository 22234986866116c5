// `npm test`: the whole suite on the embedded database — typecheck, import boundaries, i18n
// completeness, production build, then unit and integration tests in Node's test runner.
// With TEST_DATABASE_URL set (npm run test:pg) the database tests run against that server.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const node = process.execPath;
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const onlyDb = process.argv.includes('--db-only');

function run(label: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  process.stdout.write(`\n▶ ${label}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) {
    process.stdout.write(`\n✖ ${label} failed (exit ${r.status ?? r.signal})\n`);
    process.exit(r.status ?? 1);
  }
}

if (!onlyDb) {
  run('typecheck', bin('react-router'), ['typegen']);
  run('typecheck', bin('tsc'), ['-p', 'tsconfig.json']);
  run('import boundaries', node, ['scripts/check-boundaries.ts']);
  run('i18n catalogues', node, ['scripts/check-i18n.ts']);
  run('production build', bin('react-router'), ['build']);
}

const patterns = onlyDb
  ? ['db/**/*.test.ts', 'tests/integration/**/*.test.ts']
  : ['core/**/*.test.ts', 'db/**/*.test.ts', 'jobs/**/*.test.ts', 'server/**/*.test.ts', 'app/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/integration/**/*.test.ts'];
run(
  onlyDb ? `integration tests on ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}` : 'unit and integration tests',
  node,
  ['--test', '--test-reporter=spec', '--test-concurrency=2', '--test-timeout=180000', '--import', './tests/support/setup.ts', ...patterns],
);
