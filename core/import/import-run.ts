// The import run's life: uploaded -> previewing -> previewed | invalid -> committing ->
// committed | failed. Shapes of what a run stores (summary, issues) and helpers shared by
// the import use cases.
import type { Actor } from '../shared/actor.ts';
import { actorLabel } from '../shared/actor.ts';
import type { Deactivation, EmployeeChange, UnitChange } from './plan.rules.ts';
import type { RowIssue } from './row.rules.ts';
import type { ImportMapping } from './fields.ts';

export const IMPORT_STATUSES = ['uploaded', 'previewing', 'previewed', 'invalid', 'committing', 'committed', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const RUNNING_STATUSES: readonly ImportStatus[] = ['previewing', 'committing'];

/** How many entries of each preview category a run keeps for the preview page. */
export const SAMPLE_LIMIT = 2000;
/** How many row issues a run keeps (the count is always exact). */
export const ISSUE_LIMIT = 10_000;

export interface ImportCounts {
  rows: number;
  creates: number;
  updates: number;
  unchanged: number;
  deactivations: number;
  unitCreates: number;
  unitUpdates: number;
  issues: number;
}

export interface ImportSummary {
  /** sha256 of the stored file (finds it in the in-process parse cache). */
  fileHash?: string;
  kind: 'csv' | 'xlsx';
  headers: string[];
  rowCount: number;
  unitRowCount: number | null;
  endMissing?: boolean;
  importDate?: string;
  fingerprint?: string;
  counts?: ImportCounts;
  samples?: {
    creates: EmployeeChange[];
    updates: EmployeeChange[];
    deactivations: Deactivation[];
    unitCreates: UnitChange[];
    unitUpdates: UnitChange[];
  };
  /** Translated at render time: a message key and params. */
  failure?: { key: string; params?: Record<string, string | number> };
  /** Set by the commit. */
  committedAt?: string;
}

export type { RowIssue, ImportMapping };

export function auditActor(actor: Actor, onBehalfOf?: string): string {
  return onBehalfOf ?? actorLabel(actor);
}

export function todayIso(now: Date): string {
  // Dates in Norway: the import date is the local (Europe/Oslo) calendar day.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
