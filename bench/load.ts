// Shared HTTP load helpers for the benchmarks: start the real server (`node server/main.ts`) in
// its own process on a loopback port, wait until it is ready, and drive it with autocannon,
// keeping the latency of every successful response for p50/p95; and replay of the SQL a request
// sends (captured through the database hook) on the raw driver, for the SQL alone.
import { spawn, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { MERGED_OPENING, SEPARATE_OPENING, openingRan, openingStatement, platformStatements, type Database } from '../db/client.ts';
import { median, percentile, root } from './lib.ts';

export interface LoadResult {
  connections: number;
  p50: number;
  p95: number;
  rps: number;
  requests: number;
  errors: number;
}

export async function load(url: string, headers: Record<string, string>, connections: number, seconds: number, paths: string[]): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let n = 0;
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    headers,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[n++ % paths.length]! }) }],
  }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    else errors++;
  });
  const result = await instance;
  return { connections, p50: median(latencies), p95: percentile(latencies, 95), rps: result.requests.total / seconds, requests: result.requests.total, errors: errors + result.errors };
}

export async function waitReady(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not become ready');
}

export interface ServerProcess {
  base: string;
  stop(): Promise<void>;
}

/**
 * The production server in its own process on a random loopback port, on the PGlite files in
 * `dataDir` or the PostgreSQL database `databaseUrl`. BENCH_CPU_PROF=<dir> writes a CPU profile.
 */
export async function startServerProcess(options: { dataDir: string; databaseUrl?: string | undefined; basePort: number }): Promise<ServerProcess> {
  const port = options.basePort + Math.floor(Math.random() * 90);
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []), 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: options.dataDir, DEMO: '0', COOKIE_SECURE: '0', LOG_LEVEL: 'warn', SESSION_SECRET: 'bench-secret-bench-secret-bench-secret', ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  };
  try {
    await waitReady(base, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, stop };
}

/** A statement as the database hook saw it. */
export interface Captured {
  query: string;
  params: unknown[];
}

/** Replay captured statements on the raw driver, one transaction per iteration (the first 20 warm caches). */
const replayPrepared = new WeakSet<object>();

export async function replay(database: Database, captured: Captured[], iterations: number): Promise<{ p50: number; p95: number }> {
  // A unit of work's opening that went out with its first statement (db/client.ts) is replayed the
  // same way: one round trip, the statement prepared per connection as the app does.
  const statements: Array<Captured & { opening?: string }> = [];
  for (const s of captured) {
    const previous = statements.at(-1);
    if (s.query.startsWith(MERGED_OPENING) && previous) previous.opening = s.query.slice(MERGED_OPENING.length);
    else if (s.query.startsWith(SEPARATE_OPENING) && previous) statements.splice(-1, 0, { query: s.query.slice(SEPARATE_OPENING.length), params: [] });
    else statements.push({ ...s });
  }
  const times: number[] = [];
  for (let i = 0; i < iterations + 20; i++) {
    const start = performance.now();
    if (database.pglite) {
      await database.pglite.transaction(async (tx) => {
        for (const s of statements) await tx.query(s.query, s.params as never[]);
      });
    } else {
      // On a server the captured statements include each unit of work's own begin and commit, and
      // the session lookup executes a statement prepared once per connection.
      const client = await database.pool!.connect();
      try {
        if (!replayPrepared.has(client)) {
          for (const [name, text] of platformStatements) {
            const known = await client.query('select 1 from pg_prepared_statements where name = $1', [name]);
            if (known.rowCount === 0) await client.query(`prepare ${name} as ${text}`);
          }
          replayPrepared.add(client);
        }
        for (const s of statements) {
          if (!s.opening) {
            await client.query(s.query, s.params);
            continue;
          }
          const merged = openingStatement(s.opening, s.query, s.params, client);
          if (!merged) {
            await client.query(s.opening);
            await client.query(s.query, s.params);
            continue;
          }
          try {
            await client.query(merged.text);
          } catch (error) {
            openingRan(merged, client, false);
            await client.query('rollback').catch(() => undefined);
            throw error;
          }
          openingRan(merged, client);
        }
      } finally {
        client.release();
      }
    }
    if (i >= 20) times.push(performance.now() - start); // the first 20 warm caches
  }
  return { p50: median(times), p95: percentile(times, 95) };
}
