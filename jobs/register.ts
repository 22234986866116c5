// Register every job handler with the queue. Each area adds its handlers here.
import type { AppServices } from '../server/services.ts';

export async function registerJobs(_services: AppServices): Promise<void> {
  // import jobs are registered by jobs/import.jobs.ts (see registerImportJobs)
}
