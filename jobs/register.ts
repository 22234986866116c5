// Register every job handler with the queue. Each area adds its handlers here.
import type { AppServices } from '../server/services.ts';
import { registerImportJobs } from './import.jobs.ts';
import { registerAuthJobs } from './auth.jobs.ts';
import { registerWheelJobs } from './wheel.jobs.ts';
import { registerRosterJobs } from './roster.jobs.ts';
import { registerCatalogueJobs } from './catalogue.jobs.ts';

export async function registerJobs(services: AppServices): Promise<void> {
  await registerImportJobs(services);
  await registerAuthJobs(services);
  await registerWheelJobs(services);
  await registerRosterJobs(services);
  await registerCatalogueJobs(services);
}
