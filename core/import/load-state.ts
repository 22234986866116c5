// The tenant data an import compares with, read inside the caller's transaction.
import type { Tx } from '../../db/client.ts';
import { loadImportEmployments, loadImportUnits, loadStyrkCodes } from '../../db/repositories/import.repository.ts';
import type { DbState } from './plan.rules.ts';

export async function loadState(tx: Tx): Promise<DbState> {
  const [units, employments, styrk] = [await loadImportUnits(tx), await loadImportEmployments(tx), await loadStyrkCodes(tx)];
  return { units, employments: employments.map((e) => ({ ...e, ftePercent: Number(e.ftePercent) })), styrkCodes: new Set(styrk) };
}
