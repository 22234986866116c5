// In-process progress of running imports. The database row (import_runs.progress_done/total)
// is the durable record, written through its own short transactions so other connections see
// it while a commit is still open (PostgreSQL). On PGlite there is one connection and an open
// transaction blocks every other query, so a commit cannot write progress to the database
// until it ends; there this registry is the live source, and loaders show the larger value.
export interface Progress {
  done: number;
  total: number;
}

const live = new Map<string, Progress>();

export function reportProgress(runId: string, done: number, total: number): void {
  live.set(runId, { done, total });
}

export function clearProgress(runId: string): void {
  live.delete(runId);
}

export function liveProgress(runId: string): Progress | null {
  return live.get(runId) ?? null;
}
