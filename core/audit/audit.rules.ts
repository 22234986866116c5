// Pure rules for the audit viewer: the filter a request may ask for, who an actor label is,
// readable descriptions of actions in the user's language, and the CSV export format.
// Unit-tested in audit.rules.test.ts.
import { z } from 'zod';
import { translate, type Language } from '../../locales/index.ts';

export const AUDIT_PAGE_SIZE = 50;
/** The export is for an inspection or a request for access, not a bulk dump. */
export const AUDIT_EXPORT_LIMIT = 10_000;

/** Action families offered in the filter; a prefix matches itself and every 'prefix.*' action. */
export const AUDIT_ACTION_PREFIXES = ['auth', 'account', 'person', 'unit', 'employment', 'org', 'import', 'apiToken', 'tenant', 'audit', 'roster', 'platform'] as const;

const empty = (v: unknown) => (v === '' || v === null ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(empty, schema.optional());

export const ZAuditFilterSchema = z.object({
  before: optional(z.coerce.number().int().positive()),
  action: optional(z.string().trim().regex(/^[a-zA-Z_]+(\.[a-zA-Z_]+)*$/).max(80)),
  actor: optional(z.string().trim().max(100)),
  subjectType: optional(z.string().trim().regex(/^[a-zA-Z_]+$/).max(40)),
  subjectId: optional(z.string().trim().max(100)),
  from: optional(z.iso.date()),
  to: optional(z.iso.date()),
});
export type TAuditFilter = z.output<typeof ZAuditFilterSchema>;

/** Read the filter from query parameters (unknown parameters are ignored). */
export function filterFromSearchParams(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['before', 'action', 'actor', 'subjectType', 'subjectId', 'from', 'to']) {
    const v = params.get(key);
    if (v !== null && v !== '') out[key] = v;
  }
  return out;
}

export type ActorKind = 'account' | 'platform' | 'api' | 'system' | 'anonymous';

/** What kind of actor an audit label names: an account id, 'api:<token>', 'system:<purpose>', 'anonymous'. */
export function actorKind(label: string, knownAccount: boolean, details: Record<string, unknown> | null): ActorKind {
  if (label.startsWith('api:')) return 'api';
  if (label === 'system' || label.startsWith('system:')) return 'system';
  if (label === 'anonymous') return 'anonymous';
  if (!knownAccount && details?.platform === true) return 'platform';
  return 'account';
}

/** A readable description of an action, or the action code itself when none is written yet. */
export function describeAction(language: Language, action: string): string {
  const key = `admin.audit.actions.${action}`;
  const text = translate(language, key);
  return text === key ? action : text;
}

/** Details as compact text: `key: value` pairs, nested objects inline, capped in length. */
export function detailsText(details: Record<string, unknown> | null, max = 300): string | null {
  if (!details) return null;
  const parts = Object.entries(details)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  if (parts.length === 0) return null;
  const text = parts.join(', ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export interface AuditCsvRow {
  id: number;
  at: Date;
  actor: string;
  actorName: string;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  requestId: string | null;
  details: string | null;
}

/** One CSV cell: quoted, quotes doubled, and a leading formula character neutralised (CSV injection). */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * The CSV export: semicolon-separated (what spreadsheet programs in Norwegian locale expect),
 * UTF-8 with a byte-order mark, CRLF line ends, a header row in the user's language.
 */
export function auditCsv(language: Language, rows: readonly AuditCsvRow[]): string {
  const h = (k: string) => translate(language, `admin.audit.csv.${k}`);
  const header = [h('id'), h('time'), h('actorName'), h('actor'), h('action'), h('description'), h('subjectType'), h('subjectId'), h('requestId'), h('details')];
  const lines = [header.map(csvCell).join(';')];
  for (const r of rows) {
    lines.push(
      [r.id, r.at.toISOString(), r.actorName, r.actor, r.action, describeAction(language, r.action), r.subjectType, r.subjectId, r.requestId, r.details].map(csvCell).join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
