// The HTTP adapter around React Router: request ids and logs, security headers, body limits,
// health/readiness/metrics, static assets, the React Router handler, and a last-resort error
// handler that never shows a stack trace.
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request as ExpressRequest, type Response as ExpressResponse } from 'express';
import { createRequestHandler } from '@react-router/express';
import { RouterContextProvider, type ServerBuild } from 'react-router';
import client from 'prom-client';
import type { ViteDevServer } from 'vite';
import { negotiateLanguage, translate } from '../locales/index.ts';
import { safeEqual } from '../core/auth/tokens.ts';
import { clusterMetrics, joinClusterMetrics } from './cluster-metrics.ts';
import type { AppServices, RequestInfo } from './services.ts';

export interface HttpAppOptions {
  services: AppServices;
  /** Production: the built server bundle. Development: a Vite dev server in middleware mode. */
  build?: ServerBuild;
  vite?: ViteDevServer;
  clientDir?: string;
  isShuttingDown: () => boolean;
  /** True once the job queue has started (and until it stops); part of readiness. */
  isJobQueueStarted?: () => boolean;
}

interface ContextKeys {
  servicesContext: Parameters<RouterContextProvider['set']>[0];
  requestContext: Parameters<RouterContextProvider['set']>[0];
}

const REQUEST_ID = /^[\w-]{8,64}$/;
const UPLOAD_PATHS = [/^\/admin\/import(\/|$)/, /^\/api\/v1\/imports(\/|$)/];
const DEFAULT_BODY_LIMIT = 1024 * 1024;

export function createMetrics(services?: Pick<AppServices, 'database' | 'jobs' | 'logger'>) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  if (services) {
    const { database, jobs, logger } = services;
    // Read at scrape time: jobs waiting and running per queue (pg-boss), shared by every instance.
    new client.Gauge({
      name: 'rytme_job_queue_jobs',
      help: 'Jobs in the durable queue by queue and state (queued = waiting, active = running)',
      labelNames: ['queue', 'state'],
      registers: [registry],
      // The queue is shared: in a cluster every worker reads the same numbers, so never add them up.
      aggregator: 'max',
      async collect() {
        this.reset();
        try {
          for (const q of await jobs.boss.getQueues()) {
            this.set({ queue: q.name, state: 'queued' }, q.queuedCount);
            this.set({ queue: q.name, state: 'active' }, q.activeCount);
          }
        } catch (error) {
          logger.warn({ err: error }, 'metrics: job queue depth unavailable');
        }
      },
    });
    const pool = database.pool;
    if (pool) {
      // node-postgres pool of this instance: open connections, idle ones, and requests waiting for one.
      new client.Gauge({
        name: 'rytme_db_pool_connections',
        help: 'PostgreSQL pool connections of this instance by state',
        labelNames: ['state'],
        registers: [registry],
        collect() {
          this.set({ state: 'total' }, pool.totalCount);
          this.set({ state: 'idle' }, pool.idleCount);
          this.set({ state: 'waiting' }, pool.waitingCount);
        },
      });
    }
  }
  const requests = new client.Counter({ name: 'rytme_http_requests_total', help: 'HTTP requests', labelNames: ['method', 'area', 'status'], registers: [registry] });
  const duration = new client.Histogram({
    name: 'rytme_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'area'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return { registry, requests, duration };
}

/** Long opaque segments (reset tokens in /password/reset/<token>) are masked in logs. */
export function loggablePath(pathname: string): string {
  const masked = pathname.replace(/\/password\/reset\/[^/]+/, '/password/reset/***');
  return masked.length > 300 ? `${masked.slice(0, 300)}…` : masked;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

function area(pathname: string): string {
  const first = pathname.split('/')[1] ?? '';
  return first === 'api' ? 'api' : /^[a-z-]{1,20}$/.test(first) ? first : first === '' ? 'home' : 'other';
}

export function securityHeaders(nonce: string, dev: boolean, secure: boolean): Record<string, string> {
  const csp = [
    "default-src 'self'",
    dev ? `script-src 'self' 'nonce-${nonce}' 'unsafe-eval'` : `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    dev ? "connect-src 'self' ws:" : "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
  const headers: Record<string, string> = {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  };
  if (secure && !dev) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}

function friendlyError(req: ExpressRequest, res: ExpressResponse, status: number, key: string, params: Record<string, string | number>, requestId: string) {
  const language = negotiateLanguage([/rytme_lang=(\w+)/.exec(req.headers.cookie ?? '')?.[1]], req.headers['accept-language'] ?? null);
  const message = translate(language, key, params);
  if (req.path.startsWith('/api/') || (req.headers.accept ?? '').includes('application/json')) {
    res.status(status).type('application/problem+json').send(JSON.stringify({ type: 'about:blank', title: message, status, instance: req.path, requestId }));
    return;
  }
  const title = translate(language, status === 413 ? 'common.error.title' : 'common.error.title');
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  res
    .status(status)
    .type('text/html')
    .send(
      `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)} – Rytme</title></head>` +
        `<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem"><main><h1>${esc(title)}</h1><p>${esc(message)}</p>` +
        `<p><a href="javascript:history.back()">${esc(translate(language, 'common.actions.back'))}</a> · <a href="/">${esc(translate(language, 'common.error.home'))}</a></p></main></body></html>`,
    );
}

export function createHttpApp(options: HttpAppOptions) {
  const { services } = options;
  const dev = Boolean(options.vite);
  const metrics = createMetrics(services);
  const shuttingDownGauge = new client.Gauge({ name: 'rytme_shutting_down', help: '1 while the instance drains before stopping', registers: [metrics.registry], aggregator: 'max' });
  const inCluster = joinClusterMetrics(metrics.registry);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', /^\d+$/.test(services.env.TRUST_PROXY) ? Number(services.env.TRUST_PROXY) : services.env.TRUST_PROXY);

  // Request id, nonce, logging, metrics.
  app.use((req, res, next) => {
    const incoming = req.header('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const nonce = randomBytes(16).toString('base64');
    const log = services.logger.child({ requestId });
    res.locals.info = { requestId, nonce, ip: req.ip ?? '', userAgent: req.header('user-agent') ?? null, log } satisfies RequestInfo;
    res.setHeader('X-Request-Id', requestId);
    for (const [k, v] of Object.entries(securityHeaders(nonce, dev, services.env.COOKIE_SECURE))) res.setHeader(k, v);
    // Pages carry personal data: never stored by browsers or proxies (static assets override this).
    res.setHeader('Cache-Control', 'no-store');
    // While draining, tell keep-alive clients to reconnect (to another instance).
    if (options.isShuttingDown()) res.setHeader('Connection', 'close');
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const a = area(req.path);
      metrics.requests.inc({ method: req.method, area: a, status: String(res.statusCode) });
      metrics.duration.observe({ method: req.method, area: a }, seconds);
      // The path only, never the query string: queries may hold names, e-mail addresses or tokens.
      if (req.path !== '/healthz' && req.path !== '/metrics' && req.path !== '/readyz') log.info({ method: req.method, path: loggablePath(req.path), status: res.statusCode, ms: Math.round(seconds * 1000) }, 'request');
    });
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.type('application/json').send(JSON.stringify({ status: 'ok' }));
  });
  // Readiness: take traffic only when the database answers, the job queue runs and the
  // instance is not draining for shutdown. Liveness (/healthz) is just "the process serves".
  app.get('/readyz', async (_req, res) => {
    if (options.isShuttingDown()) {
      res.status(503).type('application/json').send(JSON.stringify({ status: 'shutting-down' }));
      return;
    }
    if (options.isJobQueueStarted && !options.isJobQueueStarted()) {
      res.status(503).type('application/json').send(JSON.stringify({ status: 'job-queue-stopped' }));
      return;
    }
    try {
      await withTimeout(services.database.ping(), 2_000);
      res.type('application/json').send(JSON.stringify({ status: 'ready', database: services.database.kind }));
    } catch {
      res.status(503).type('application/json').send(JSON.stringify({ status: 'database-unavailable' }));
    }
  });
  app.get('/metrics', async (req, res) => {
    // Metrics describe the installation: a bearer token, or callers on this host only.
    const token = services.env.METRICS_TOKEN;
    const local = ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(req.socket.remoteAddress ?? '');
    if (token ? !safeEqual(req.header('authorization') ?? '', `Bearer ${token}`) : !local) {
      res.status(token ? 401 : 403).type('text/plain').send(token ? 'metrics need a bearer token\n' : 'metrics are served to this host only\n');
      return;
    }
    shuttingDownGauge.set(options.isShuttingDown() ? 1 : 0);
    try {
      res.type(metrics.registry.contentType).send(inCluster ? await clusterMetrics() : await metrics.registry.metrics());
    } catch (error) {
      (res.locals.info as RequestInfo).log.warn({ err: error }, 'metrics unavailable');
      res.status(503).type('text/plain').send('metrics unavailable\n');
    }
  });

  // Body limits: uploads may be larger; everything else is small. A body without a length
  // (chunked) is refused on non-upload paths so the limit cannot be bypassed.
  app.use((req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    const isUpload = UPLOAD_PATHS.some((re) => re.test(req.path));
    const limit = isUpload ? services.env.UPLOAD_LIMIT_MB * 1024 * 1024 : DEFAULT_BODY_LIMIT;
    const length = req.header('content-length');
    const info = res.locals.info as RequestInfo;
    const limitText = isUpload ? `${services.env.UPLOAD_LIMIT_MB} MB` : '1 MB';
    if (length === undefined) {
      if (req.header('transfer-encoding')) return friendlyError(req, res, 411, 'errors.code.PAYLOAD_TOO_LARGE', { limit: limitText }, info.requestId);
      return next();
    }
    if (Number(length) > limit) {
      req.resume();
      res.setHeader('Connection', 'close');
      return friendlyError(req, res, 413, 'errors.code.PAYLOAD_TOO_LARGE', { limit: limitText }, info.requestId);
    }
    next();
  });

  if (options.vite) {
    app.use(options.vite.middlewares);
  } else if (options.clientDir) {
    app.use('/assets', express.static(path.join(options.clientDir, 'assets'), { immutable: true, maxAge: '1y', index: false }));
    // The few top-level public files (favicon …), known at start: a page request never costs a
    // file-system look-up.
    const publicFiles = new Set(readdirSync(options.clientDir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => `/${e.name}`));
    const serveFile = express.static(options.clientDir, { maxAge: '1h', index: false });
    app.use((req, res, next) => (publicFiles.has(req.path) ? serveFile(req, res, next) : next()));
  }

  const makeHandler = (build: ServerBuild) => {
    const keys = build.entry.module as unknown as ContextKeys;
    return createRequestHandler({
      build,
      mode: dev ? 'development' : 'production',
      getLoadContext: (_req, res) => {
        const context = new RouterContextProvider();
        context.set(keys.servicesContext, services);
        context.set(keys.requestContext, res.locals.info);
        return context;
      },
    });
  };
  const productionHandler = options.build ? makeHandler(options.build) : null;

  app.all(/.*/, async (req, res, next) => {
    try {
      const handler = productionHandler ?? makeHandler((await options.vite!.ssrLoadModule('virtual:react-router/server-build')) as ServerBuild);
      await handler(req, res, next);
    } catch (error) {
      next(error);
    }
  });

  app.use((error: unknown, req: ExpressRequest, res: ExpressResponse, _next: NextFunction) => {
    const info = res.locals.info as RequestInfo | undefined;
    (info?.log ?? services.logger).error({ err: error }, 'unhandled error');
    if (res.headersSent) return res.end();
    const status = typeof error === 'object' && error && 'status' in error && typeof (error as { status: unknown }).status === 'number' ? (error as { status: number }).status : 500;
    friendlyError(req, res, status >= 400 && status < 600 ? status : 500, 'errors.code.INTERNAL', {}, info?.requestId ?? '');
  });

  return { app, metrics };
}
