// `npm run test:e2e`: build, then the browser suite in Debian's Chromium (playwright-core).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const build = spawnSync(path.join(root, 'node_modules/.bin/react-router'), ['build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=1', '--test-timeout=300000', 'tests/e2e/**/*.test.ts'], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
