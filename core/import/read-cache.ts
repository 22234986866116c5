// A small in-process memo of parsed files (by content hash): upload, preview and commit read
// the same bytes, and parsing a 50,000-row workbook takes seconds. Two entries at most, so
// memory stays bounded; another process simply parses again.
import { createHash } from 'node:crypto';
import { readImportFile, type ReadLimits, type ReadResult } from './read-file.ts';

const MAX_ENTRIES = 2;
const cache = new Map<string, ReadResult>();

export function fileHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A parsed file by its hash, if this process has it (the caller then need not even load the bytes). */
export function cachedRead(hash: string): ReadResult | null {
  return cache.get(`${hash}:`) ?? null;
}

export async function readImportFileCached(bytes: Uint8Array, limits?: ReadLimits): Promise<ReadResult> {
  const key = `${fileHash(bytes)}:${limits ? JSON.stringify(limits) : ''}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const result = await readImportFile(bytes, limits);
  if (result.ok) {
    cache.set(key, result);
    while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  }
  return result;
}
