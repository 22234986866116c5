// Steps shared by the vocabulary's use cases: a name not already live, a live area by id.
import type { Tx } from '../../db/client.ts';
import { findArea, findLiveAreaByName } from '../../db/repositories/mapping.repository.ts';
import { AppError, AppErrorCode, notFound } from '../shared/app-error.ts';

export async function requireFreeName(tx: Tx, name: string, exceptId?: string): Promise<void> {
  if (await findLiveAreaByName(tx, name, exceptId)) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'mapping.errors.areaExists', params: { name } });
}

export async function requireArea(tx: Tx, id: string) {
  const area = await findArea(tx, id);
  if (!area || area.status === 'merged') throw notFound();
  return area;
}
