// Process entrypoint: `node server/main.ts` (production build) or `node server/main.ts --dev`.
// Sets NODE_ENV before any library is loaded (React and React Router pick their production
// builds from it), then starts the server (server/run.ts).
process.env.NODE_ENV ??= process.argv.includes('--dev') ? 'development' : 'production';
// With a PostgreSQL server, several HTTP processes may share the port (WEB_CONCURRENCY, default
// cores − 1; server/cluster.ts). The embedded database and the dev server run in one process.
const { default: cluster } = await import('node:cluster');
const { default: os } = await import('node:os');
const { processCount } = await import('./env.ts');
const webConcurrency = Number(process.env.WEB_CONCURRENCY) || undefined;
const clustered =
  cluster.isPrimary && !process.argv.includes('--dev') && processCount({ DATABASE_URL: process.env.DATABASE_URL || undefined, WEB_CONCURRENCY: webConcurrency }, os.availableParallelism()) > 1;
await import(clustered ? './cluster.ts' : './run.ts');

export {};
