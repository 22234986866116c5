// Keyset cursors for the API's lists: opaque to clients (base64url), a uuid inside.
import { z } from 'zod';
import { AppError, AppErrorCode } from '../shared/app-error.ts';

export function encodeCursor(lastId: string): string {
  return Buffer.from(lastId, 'utf8').toString('base64url');
}

/** The id a cursor continues after; a cursor we did not issue is a validation error. */
export function decodeCursor(cursor: string | undefined | null): string | null {
  if (!cursor) return null;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!z.uuid().safeParse(id).success) throw new AppError(AppErrorCode.VALIDATION, { issues: [{ path: 'query.cursor', key: 'errors.field.invalid' }] });
  return id;
}

/** Fetch one more than asked: if it came back there is a next page. */
export function pageOf<T extends { id: string }>(rows: readonly T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!.id) : null };
}
