// Configuration, validated once at start-up (fail fast). Every variable is described here;
// secrets are flagged so `describeConfig` masks them in logs.
import { z } from 'zod';

const bool = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

export const ZEnvSchema = z.object({
  /** postgres://… to use a PostgreSQL server; unset = embedded PGlite under DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Connections per app instance to the PostgreSQL server (ignored for PGlite, which has one). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * Keep statements prepared on each server connection (parsed and planned once). Set 0 behind a
   * transaction-mode pooler that does not track prepared statements (PgBouncer before 1.21, or
   * without max_prepared_statements).
   */
  DATABASE_PREPARED_STATEMENTS: bool.default(true),
  /** Where PGlite data, the mail outbox and uploads live. */
  DATA_DIR: z.string().min(1).default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Public base URL, used in mails and as the OIDC redirect base. */
  PUBLIC_URL: z.url().default('http://localhost:3000'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Create the demo municipality on first start. */
  DEMO: bool.default(true),
  /** SMTP server for outgoing mail; unset = mails land in the outbox page and DATA_DIR/outbox. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Rytme <rytme@localhost>'),
  /** Secret for signing short-lived cookies (OIDC state). Required in production with a server DB. */
  SESSION_SECRET: z.string().min(32).optional(),
  /** Session lifetimes in minutes. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_ABSOLUTE_MINUTES: z.coerce.number().int().positive().default(12 * 60),
  /** Cookies get `Secure`. Off only for plain-http local tests of the production build. */
  COOKIE_SECURE: bool.default(true),
  /**
   * HTTP processes per instance (node:cluster, server/cluster.ts). Default with a PostgreSQL
   * server: one per CPU core less one, left for the database that often shares the machine
   * (compose.yaml); set it to the core count on a host of its own. With the embedded database
   * exactly 1 (PGlite lives inside its one process).
   */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  /** Run pg-boss workers in this process (set 0 on web-only instances). */
  RUN_WORKERS: bool.default(true),
  /** Max request body for uploads (imports), in MiB. */
  UPLOAD_LIMIT_MB: z.coerce.number().positive().default(20),
  /**
   * On SIGTERM: seconds to keep serving while /readyz answers 503, so a load balancer stops
   * sending new requests before the listener closes. 0 for a single instance; ~5 behind a proxy.
   */
  SHUTDOWN_DRAIN_SECONDS: z.coerce.number().min(0).max(60).default(0),
  /**
   * First start of an empty installation (no tenant yet): create this municipality and its
   * administrator (tenant and platform admin), who gets a "set your password" mail. Ignored
   * once any tenant exists. All five BOOTSTRAP_* values are needed together.
   */
  BOOTSTRAP_TENANT_NAME: z.string().optional(),
  BOOTSTRAP_TENANT_SLUG: z.string().optional(),
  BOOTSTRAP_MUNICIPALITY_NUMBER: z.string().optional(),
  BOOTSTRAP_ADMIN_NAME: z.string().optional(),
  BOOTSTRAP_ADMIN_EMAIL: z.string().optional(),
  /** On SIGTERM: how long in-flight requests may take to finish before their connections are cut. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().positive().max(300).default(15),
  /**
   * Which proxies may set X-Forwarded-For (Express "trust proxy": a hop count, or addresses and
   * ranges such as "loopback, 10.0.0.5"). Only trusted proxies decide the client IP used for
   * throttling and the audit log; the default trusts none but a proxy on this host.
   */
  TRUST_PROXY: z.string().min(1).default('loopback'),
  /** Bearer token for /metrics. Unset: /metrics answers only requests from this host. */
  METRICS_TOKEN: z.string().min(16).optional(),
});
export type TEnv = z.infer<typeof ZEnvSchema>;

/** Masked in the start-up log: secrets, and the bootstrap administrator's name and address (personal data). */
const SECRETS: ReadonlySet<keyof TEnv> = new Set(['DATABASE_URL', 'SMTP_URL', 'SESSION_SECRET', 'METRICS_TOKEN', 'BOOTSTRAP_ADMIN_NAME', 'BOOTSTRAP_ADMIN_EMAIL']);

export function loadEnv(source: NodeJS.ProcessEnv = process.env): TEnv {
  const input = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const result = ZEnvSchema.safeParse(input);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  // Several instances on one PostgreSQL must share the key that signs the OIDC state cookie.
  if (result.data.NODE_ENV === 'production' && result.data.DATABASE_URL && !result.data.SESSION_SECRET) {
    throw new Error('Invalid configuration:\n  SESSION_SECRET: required in production with DATABASE_URL (at least 32 characters, the same on every instance)');
  }
  if (!result.data.DATABASE_URL && (result.data.WEB_CONCURRENCY ?? 1) > 1) {
    throw new Error('Invalid configuration:\n  WEB_CONCURRENCY: the embedded database (no DATABASE_URL) runs in one process; set 1 or use PostgreSQL');
  }
  return result.data;
}

/** How many HTTP processes to run: WEB_CONCURRENCY, else cores − 1 (at least 1) on PostgreSQL, and 1 on PGlite. */
export function processCount(env: Pick<TEnv, 'DATABASE_URL' | 'WEB_CONCURRENCY'>, cores: number): number {
  if (!env.DATABASE_URL) return 1;
  return env.WEB_CONCURRENCY ?? Math.max(1, cores - 1);
}

/** The configuration with secrets masked, for the start-up log line. */
export function describeConfig(env: TEnv): Record<string, unknown> {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, SECRETS.has(k as keyof TEnv) && v !== undefined ? '***' : v]));
}
