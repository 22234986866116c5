// The API's view of an import run: the core view with message keys translated.
import type { ImportRunView } from '../../../core/import/get-import-run.ts';
import { translate, type Language } from '../../../locales/index.ts';

export function presentImportRun(run: ImportRunView, language: Language) {
  return {
    id: run.id,
    fileName: run.fileName,
    status: run.status,
    progress: run.progress,
    headers: run.summary.headers ?? [],
    rowCount: run.summary.rowCount ?? 0,
    mapping: Object.fromEntries(Object.entries(run.mapping).filter((e): e is [string, string] => typeof e[1] === 'string')),
    mappingVersion: run.mappingVersion,
    requiredFields: [...run.requiredFields],
    counts: run.summary.counts ? { ...run.summary.counts } : null,
    issues: run.issues.map((i) => ({ row: i.row, column: i.column, sheet: i.sheet ?? null, message: translate(language, i.key, i.params) })),
    failure: run.summary.failure ? translate(language, run.summary.failure.key, run.summary.failure.params) : null,
    createdAt: run.createdAt,
    finishedAt: run.finishedAt,
  };
}
