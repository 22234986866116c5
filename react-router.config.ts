import type { Config } from '@react-router/dev/config';

export default {
  appDirectory: 'app',
  // RYTME_BUILD_DIR lets parallel checkouts of the tree build side by side; server/app.ts reads the same variable.
  buildDirectory: process.env.RYTME_BUILD_DIR ?? 'build',
  ssr: true,
  // The whole route manifest is one immutable, cached asset the browser fetches once, instead of
  // a partial manifest computed and inlined into every page (route matching for each path prefix
  // on every request) and patched in later through /__manifest requests (docs/benchmarks.md).
  routeDiscovery: { mode: 'initial' },
} satisfies Config;
