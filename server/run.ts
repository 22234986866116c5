// Start Rytme and handle graceful shutdown on SIGTERM/SIGINT: stop taking requests, finish
// running ones and jobs, close the database. Loaded by server/main.ts after NODE_ENV is set.
import { loadEnv } from './env.ts';
import { startApp } from './app.ts';
import { ensureDemoMunicipality, type DemoInfo } from '../db/seed/demo.ts';
import { bootstrapPlatform } from '../core/platform/bootstrap-platform.ts';

const dev = process.argv.includes('--dev');
let env;
try {
  env = loadEnv({ ...(dev ? { NODE_ENV: 'development', COOKIE_SECURE: '0' } : {}), ...process.env });
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const demo: { info: DemoInfo | null } = { info: null };

const app = await startApp({
  env,
  dev,
  onReady: async (services) => {
    if (env.BOOTSTRAP_TENANT_SLUG) {
      // An empty installation gets its first municipality and administrator (no-op afterwards).
      const result = await bootstrapPlatform({
        database: services.database,
        mailer: services.mailer,
        publicUrl: env.PUBLIC_URL,
        now: new Date(),
        input: {
          name: env.BOOTSTRAP_TENANT_NAME ?? '',
          slug: env.BOOTSTRAP_TENANT_SLUG,
          municipalityNumber: env.BOOTSTRAP_MUNICIPALITY_NUMBER ?? '',
          defaultLanguage: 'nn',
          adminName: env.BOOTSTRAP_ADMIN_NAME ?? '',
          adminEmail: env.BOOTSTRAP_ADMIN_EMAIL ?? '',
        },
      });
      if (result.created) services.logger.info({ tenant: result.slug, mail: result.mailStatus }, 'first municipality and administrator created; set-password mail sent');
    }
    if (!env.DEMO) return;
    const info = await ensureDemoMunicipality(services.database);
    if (info.created) services.logger.info({ tenant: info.slug }, 'demo municipality created');
    demo.info = info;
  },
});

if (demo.info) {
  // Printed once the server listens, with the address it really listens on.
  const url = process.env.PUBLIC_URL ? env.PUBLIC_URL : app.url;
  process.stdout.write(
    `\n  Rytme is running on ${url}\n  Demo municipality: ${demo.info.name}. Sign in as:\n` +
      demo.info.logins.map((l) => `    ${l.role.padEnd(14)} ${l.email}  password: ${l.password}`).join('\n') +
      '\n\n',
  );
}

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    app.services.logger.info({ signal }, 'shutting down');
    // Drain, in-flight requests and pg-boss's graceful stop (10 s) must fit; then give up.
    const force = setTimeout(() => {
      app.services.logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, (env.SHUTDOWN_DRAIN_SECONDS + env.SHUTDOWN_TIMEOUT_SECONDS + 15) * 1000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.services.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
