// Operations, on the real process: `node server/main.ts` as a child (embedded database in a
// temporary DATA_DIR, or a fresh PostgreSQL database when TEST_DATABASE_URL is set; the built
// bundle from RYTME_BUILD_DIR). Request ids are echoed and appear
// in the JSON log lines, which carry path and status but never the query string; /metrics
// exposes HTTP and job-queue metrics; SIGTERM turns readiness to 503 first, lets an in-flight
// request finish, stops the job queue and the database, and exits 0.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { dropTestDatabase } from '../support/db.ts';

const root = path.resolve(import.meta.dirname, '../..');
const nodeBin = path.join(root, 'node_modules', '.bin', 'node');

interface Child {
  process: ChildProcess;
  lines: Array<Record<string, unknown>>;
  raw: string[];
  url: string;
  exit: Promise<number | null>;
}

async function startChild(env: Record<string, string>): Promise<Child> {
  const proc = spawn(nodeBin, ['server/main.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', DEMO: '0', PORT: '0', HOST: '127.0.0.1', COOKIE_SECURE: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Array<Record<string, unknown>> = [];
  const raw: string[] = [];
  let buffer = '';
  proc.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      raw.push(line);
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        /* a non-JSON line (none expected with DEMO=0) */
      }
    }
  });
  let stderr = '';
  proc.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const started = Date.now();
  while (Date.now() - started < 150_000) {
    const listening = lines.find((l) => l.msg === 'listening');
    if (listening) return { process: proc, lines, raw, url: String(listening.url).replace('localhost', '127.0.0.1'), exit };
    if (proc.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill('SIGKILL');
  throw new Error(`the app did not start: ${stderr.slice(0, 2000)} ${raw.join('\n').slice(0, 2000)}`);
}

async function waitFor<T>(fn: () => T | undefined, ms = 5_000): Promise<T> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    const v = fn();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('timed out waiting');
}

describe('operations (real process)', () => {
  let dataDir: string;
  let child: Child;
  // With TEST_DATABASE_URL the child runs on a fresh PostgreSQL database, else on PGlite files.
  let databaseUrl = '';
  let dropDatabase: (() => Promise<void>) | null = null;
  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'rytme-ops-'));
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (adminUrl) {
      const name = `rytme_ops_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
      dropDatabase = async () => {
        await dropTestDatabase(adminUrl, name);
      };
    }
    child = await startChild({
      DATABASE_URL: databaseUrl,
      // On PostgreSQL: two HTTP processes sharing the port (server/cluster.ts), so the tests below
      // also prove metrics, logging and graceful shutdown across workers.
      ...(databaseUrl ? { WEB_CONCURRENCY: '2' } : {}),
      DATA_DIR: dataDir,
      // Production with a server database refuses to start without it.
      SESSION_SECRET: 'a-test-secret-of-at-least-32-characters',
      SHUTDOWN_DRAIN_SECONDS: '1',
      PUBLIC_URL: 'https://rytme.example.no',
      BOOTSTRAP_TENANT_NAME: 'Fyrstevik kommune',
      BOOTSTRAP_TENANT_SLUG: 'fyrstevik',
      BOOTSTRAP_MUNICIPALITY_NUMBER: '4990',
      BOOTSTRAP_ADMIN_NAME: 'Fyrste Admin',
      BOOTSTRAP_ADMIN_EMAIL: 'fyrste@fyrstevik.kommune.no',
    });
  });
  after(async () => {
    if (child && child.process.exitCode === null) child.process.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    if (dropDatabase) await dropDatabase();
  });

  it('creates the first municipality and administrator on an empty installation, and mails the link', async () => {
    const line = child.lines.find((l) => l.msg === 'first municipality and administrator created; set-password mail sent');
    assert.ok(line, 'bootstrap logged');
    assert.equal(line.tenant, 'fyrstevik');
    assert.equal(line.mail, 'stored');
    const files = readdirSync(path.join(dataDir, 'outbox')).filter((f) => f.endsWith('.eml'));
    assert.equal(files.length, 1);
    const eml = readFileSync(path.join(dataDir, 'outbox', files[0]!), 'utf8');
    assert.match(eml, /^To: fyrste@fyrstevik\.kommune\.no/m);
    const token = /https:\/\/rytme\.example\.no\/password\/reset\/([\w-]+)/.exec(eml)?.[1];
    assert.ok(token, 'the mail holds a set-password link');
    assert.ok(!child.raw.join('\n').includes(token), 'the token is never logged');
    // The link opens the set-password page of the new administrator.
    const page = await fetch(`${child.url}/password/reset/${token}`);
    assert.equal(page.status, 200);
  });

  it('echoes X-Request-Id and logs it with path and status, without the query string', async () => {
    const res = await fetch(`${child.url}/?email=kari.nordmann%40example.no&name=Kari`, { headers: { 'x-request-id': 'ops-test-request-0001' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('x-request-id'), 'ops-test-request-0001');
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const line = await waitFor(() => child.lines.find((l) => l.requestId === 'ops-test-request-0001' && l.msg === 'request'));
    assert.equal(line.path, '/');
    assert.equal(line.status, 200);
    assert.equal(line.method, 'GET');
    assert.equal(typeof line.ms, 'number');
    assert.doesNotMatch(child.raw.join('\n'), /kari|nordmann/i, 'no query string in the logs');
    assert.doesNotMatch(child.raw.join('\n'), /fyrste@|Fyrste Admin/, 'no personal data from the configuration either');

    // An unusable incoming id is replaced by a fresh uuid.
    const other = await fetch(`${child.url}/`, { headers: { 'x-request-id': 'bad id with spaces' } });
    const generated = other.headers.get('x-request-id') ?? '';
    assert.match(generated, /^[0-9a-f-]{36}$/);
    await waitFor(() => child.lines.find((l) => l.requestId === generated && l.msg === 'request'));
  });

  it('masks reset tokens in logged paths', async () => {
    await fetch(`${child.url}/password/reset/super-secret-token-value`, { headers: { 'x-request-id': 'ops-test-request-0002' } });
    const line = await waitFor(() => child.lines.find((l) => l.requestId === 'ops-test-request-0002' && l.msg === 'request'));
    assert.equal(line.path, '/password/reset/***');
    assert.doesNotMatch(child.raw.join('\n'), /super-secret-token-value/);
  });

  it('exposes Prometheus metrics for HTTP and the job queue', async () => {
    // On PostgreSQL the instance runs two HTTP processes (server/cluster.ts) and requests are
    // spread over them: the count is the whole instance's only if the workers' metrics are summed.
    for (let i = 0; i < 8; i++) assert.equal((await fetch(`${child.url}/`)).status, 200);
    const text = await (await fetch(`${child.url}/metrics`)).text();
    const home = Number(/rytme_http_requests_total\{method="GET",area="home",status="200"\} (\d+)/.exec(text)?.[1]);
    assert.ok(home >= 10, `every request to / counted once (got ${home})`);
    assert.match(text, /rytme_http_request_duration_seconds_bucket/);
    assert.match(text, /# TYPE rytme_job_queue_jobs gauge/);
    assert.match(text, /rytme_shutting_down 0/);
    assert.match(text, /process_resident_memory_bytes/);
    if (databaseUrl) assert.match(text, /rytme_db_pool_connections\{state="total"\} [1-9]/, 'pool gauges on PostgreSQL');
    else assert.doesNotMatch(text, /rytme_db_pool_connections/, 'no pool on PGlite');
  });

  it('on SIGTERM: readiness 503 first, the in-flight request completes, exit code 0', async () => {
    assert.equal((await fetch(`${child.url}/readyz`)).status, 200);
    // A CSRF cookie to make the slow request a valid form post.
    const first = await fetch(`${child.url}/`);
    const csrf = /rytme_csrf=([^;]+)/.exec(first.headers.get('set-cookie') ?? '')?.[1] ?? '';
    assert.ok(csrf);
    const body = `_csrf=${csrf}&language=en&next=%2F`;
    const port = new URL(child.url).port;
    const response = new Promise<{ status: number; location: string | undefined }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/language', method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), cookie: `rytme_csrf=${csrf}` } }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location }));
      });
      req.on('error', reject);
      // Half the body now, the rest after SIGTERM: the request is in flight during shutdown.
      req.write(body.slice(0, 10));
      setTimeout(() => req.end(body.slice(10)), 1_500);
    });
    await new Promise((r) => setTimeout(r, 200));
    child.process.kill('SIGTERM');
    await waitFor(() => child.lines.find((l) => l.msg === 'shutting down'));
    const ready = await fetch(`${child.url}/readyz`);
    assert.equal(ready.status, 503);
    assert.match(await ready.text(), /shutting-down/);
    const done = await response;
    assert.equal(done.status, 302, 'the in-flight request was answered');
    assert.equal(done.location, '/');
    assert.equal(await child.exit, 0);
    const messages = child.lines.map((l) => l.msg);
    assert.ok(messages.includes('stopped'), 'logged a clean stop');
    assert.ok(!child.lines.some((l) => l.level === 50 || l.level === 60), `no error lines: ${JSON.stringify(child.lines.filter((l) => Number(l.level) >= 50))}`);
  });
});
