// Assemble and start Rytme: configuration, database and migrations, reference and demo data,
// jobs, mail and the HTTP server. Used by server/main.ts and by tests that start real servers.
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerBuild } from 'react-router';
import { openDatabase, type Database } from '../db/client.ts';
import { ensureReferenceData } from '../db/seed/reference.ts';
import { createJobQueue } from '../jobs/queue.ts';
import { registerJobs } from '../jobs/register.ts';
import { describeConfig, type TEnv } from './env.ts';
import { createHttpApp } from './http.ts';
import { createLogger, type Logger } from './logger.ts';
import { createMailer } from './mail.ts';
import type { AppServices } from './services.ts';

export interface StartOptions {
  env: TEnv;
  /** Use a Vite dev server instead of the built bundle. */
  dev?: boolean;
  /** Reuse an already-open database (tests). */
  database?: Database;
  /** Runs after migrations and reference data, before listening (demo seed). */
  onReady?: (services: AppServices) => Promise<void>;
  logger?: Logger;
}

export interface RunningApp {
  url: string;
  port: number;
  services: AppServices;
  close(): Promise<void>;
}

export const projectRoot = path.resolve(import.meta.dirname, '..');
/** Where `react-router build` wrote the bundle (RYTME_BUILD_DIR, default build/). */
export const buildDir = path.resolve(projectRoot, process.env.RYTME_BUILD_DIR ?? 'build');

export async function startApp(options: StartOptions): Promise<RunningApp> {
  const { env } = options;
  const logger = options.logger ?? createLogger(env.LOG_LEVEL);
  logger.info({ config: describeConfig(env) }, 'starting');
  const database =
    options.database ??
    (await openDatabase({ url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE, preparedStatements: env.DATABASE_PREPARED_STATEMENTS, dataDir: env.DATABASE_URL ? undefined : path.resolve(env.DATA_DIR, 'pglite') }));
  await database.migrate();
  await ensureReferenceData(database);
  const jobs = createJobQueue({ database, logger, runWorkers: env.RUN_WORKERS, connectionString: env.DATABASE_URL });
  await jobs.start();
  let jobsStarted = true;
  const mailer = createMailer({ database, smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, outboxDir: path.resolve(env.DATA_DIR, 'outbox'), logger });
  const services: AppServices = { env, database, logger, mailer, jobs };
  await registerJobs(services);
  if (options.onReady) await options.onReady(services);

  let shuttingDown = false;
  let build: ServerBuild | undefined;
  let vite: import('vite').ViteDevServer | undefined;
  if (options.dev) {
    const { createServer } = await import('vite');
    vite = await createServer({ root: projectRoot, server: { middlewareMode: true }, appType: 'custom' });
  } else {
    build = (await import(pathToFileURL(path.join(buildDir, 'server/index.js')).href)) as ServerBuild;
  }
  const { app } = createHttpApp({ services, build, vite, clientDir: path.join(buildDir, 'client'), isShuttingDown: () => shuttingDown, isJobQueueStarted: () => jobsStarted });
  const server = http.createServer(app);
  server.requestTimeout = 120_000;
  server.headersTimeout = 20_000;
  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const url = `http://localhost:${port}`;
  logger.info({ url, database: database.kind }, 'listening');

  return {
    url,
    port,
    services,
    /**
     * Graceful stop: readiness answers 503 at once; after SHUTDOWN_DRAIN_SECONDS the listener
     * closes, in-flight requests finish (cut after SHUTDOWN_TIMEOUT_SECONDS), then the job queue
     * stops (running jobs may finish), mail and the database close.
     */
    async close() {
      if (shuttingDown) return;
      shuttingDown = true;
      if (env.SHUTDOWN_DRAIN_SECONDS > 0) {
        logger.info({ seconds: env.SHUTDOWN_DRAIN_SECONDS }, 'draining: readiness is 503');
        await new Promise((resolve) => setTimeout(resolve, env.SHUTDOWN_DRAIN_SECONDS * 1000));
      }
      await new Promise<void>((resolve) => {
        // Keep-alive connections that become idle after their last response are closed too.
        const idle = setInterval(() => server.closeIdleConnections(), 100);
        const cut = setTimeout(() => {
          logger.warn('shutdown: cutting connections of requests still running');
          server.closeAllConnections();
        }, env.SHUTDOWN_TIMEOUT_SECONDS * 1000);
        server.close(() => {
          clearInterval(idle);
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      });
      await vite?.close();
      jobsStarted = false;
      await jobs.stop();
      mailer.close();
      if (!options.database) await database.close();
      logger.info('stopped');
    },
  };
}
