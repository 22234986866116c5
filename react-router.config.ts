import type { Config } from '@react-router/dev/config';

export default {
  appDirectory: 'app',
  // RYTME_BUILD_DIR lets parallel checkouts of the tree build side by side; server/app.ts reads the same variable.
  buildDirectory: process.env.RYTME_BUILD_DIR ?? 'build',
  ssr: true,
} satisfies Config;
