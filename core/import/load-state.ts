// The tenant data an import compares with (read inside the caller's transaction), and the
// stored file of a run (read only when this process has not parsed it already).
import type { Database, Tx } from '../../db/client.ts';
import { loadImportEmployments, loadImportFile, loadImportUnits, loadStyrkCodes } from '../../db/repositories/import.repository.ts';
import type { DbState } from './plan.rules.ts';

export async function loadState(tx: Tx): Promise<DbState> {
  const [units, employments, styrk] = [await loadImportUnits(tx), await loadImportEmployments(tx), await loadStyrkCodes(tx)];
  return { units, employments: employments.map((e) => ({ ...e, ftePercent: Number(e.ftePercent) })), styrkCodes: new Set(styrk) };
}

export async function loadFile(database: Database, tenantId: string, runId: string): Promise<Uint8Array> {
  const file = await database.withTenant(tenantId, (tx) => loadImportFile(tx, runId));
  return file ?? new Uint8Array(0);
}
