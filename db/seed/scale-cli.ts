// `npm run seed:scale -- --employees 50000 [--slug skala]`: add a generated tenant of that size
// to the configured database (DATABASE_URL, or the embedded one under DATA_DIR).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../client.ts';
import { ensureReferenceData } from './reference.ts';
import { createScaleTenant } from './scale.ts';

const { values } = parseArgs({ options: { employees: { type: 'string', default: '50000' }, slug: { type: 'string' } } });
const employees = Number(values.employees);
if (!Number.isInteger(employees) || employees < 1 || employees > 500_000) {
  console.error('--employees must be a whole number between 1 and 500000');
  process.exit(2);
}
const url = process.env.DATABASE_URL;
const database = await openDatabase({ url, dataDir: url ? undefined : path.resolve(process.env.DATA_DIR ?? './data', 'pglite') });
await database.migrate();
await ensureReferenceData(database);
const started = performance.now();
const { tenant, org } = await createScaleTenant(database, { employees, slug: values.slug });
process.stdout.write(`Created tenant ${tenant.slug}: ${org.units.length} units, ${org.persons.length} people in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
await database.close();
