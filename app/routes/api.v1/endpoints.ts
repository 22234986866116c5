// The /api/v1 endpoint registry: method, path, scopes and the zod schemas every route
// validates with. The OpenAPI document (/api/v1/openapi.json) is generated from this list,
// so a route and its documentation share one definition.
import { z } from 'zod';
import { API_SCOPES } from '../../../core/shared/actor.ts';
import { EMPLOYEE_FIELDS } from '../../../core/import/fields.ts';
import { IMPORT_STATUSES } from '../../../core/import/import-run.ts';
import { defineEndpoint, type ApiEndpointDef } from '../../http/openapi.ts';

// ---------------------------------------------------------------- shared pieces

const id = (description: string) => z.uuid().meta({ description });
const dateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();

/** Opaque cursor from `nextCursor` of the previous page. */
const ZCursorSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, 'errors.field.invalid')
  .meta({ description: 'Opaque cursor: the `nextCursor` of the previous page. Omit for the first page.' });

const ZLimitSchema = z.coerce.number().int().min(1).max(200).default(50).meta({ description: 'Page size (1–200, default 50).' });

const ZBooleanFlagSchema = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .meta({ description: '`true` or `false`.' });

const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` to get the next page; null on the last page.' }),
  });

// ---------------------------------------------------------------- resources

export const ZApiUnitSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable().meta({ description: 'The parent unit; null for the municipality (root).' }),
  name: z.string(),
  kind: z.string().meta({ description: 'kommune | sektor | eining | avdeling | team' }),
  code: z.string().meta({ description: 'The unit code in the HR system (import key).' }),
  depth: z.number().int().meta({ description: '0 for the root.' }),
  archivedAt: dateTime.nullable(),
  version: z.number().int(),
});

export const ZApiUnitDetailSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.string(),
  kind: z.string(),
  code: z.string(),
  version: z.number().int().meta({ description: 'Also sent as the ETag `W/"<version>"`.' }),
  headCount: z.number().int().meta({ description: 'Active employments in the unit and below it.' }),
  ancestors: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string() })).meta({ description: 'From the root down to the parent.' }),
  children: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string(), headCount: z.number().int() })),
  leaders: z.array(z.object({ personId: z.uuid(), name: z.string() })),
});

export const ZApiMemberSchema = z.object({
  employmentId: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  positionTitle: z.string(),
  ftePercent: z.number().nullable().meta({ description: 'Only for callers who may read persons (token scope people:read); otherwise null.' }),
  styrk08: z.string().nullable().meta({ description: 'Only for callers who may read persons; otherwise null.' }),
});

export const ZApiEmploymentSchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitPathNames: z.array(z.string()).meta({ description: 'Unit names from the root down to the unit.' }),
  employeeNumber: z.string(),
  positionTitle: z.string(),
  ftePercent: z.number().meta({ description: 'Stillingsprosent, 0–100.' }),
  styrk08: z.string().nullable().meta({ description: 'STYRK-08 occupation code (4 digits).' }),
  occupationName: z.string().nullable(),
  ksJobCode: z.string().nullable(),
  occupationalGroup: z.string().nullable(),
  startDate: isoDate,
  endDate: isoDate.nullable(),
  active: z.boolean(),
});

export const ZApiPersonSummarySchema = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  email: z.string().nullable(),
  employeeNumbers: z.array(z.string()).meta({ description: 'Of active employments.' }),
  deactivatedAt: dateTime.nullable(),
  version: z.number().int(),
});

export const ZApiPersonSchema = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  deactivated: z.boolean(),
  version: z.number().int().meta({ description: 'Also sent as the ETag `W/"<version>"`.' }),
  employments: z.array(ZApiEmploymentSchema),
});

/** JSON merge-patch of a person: only the fields sent change; null clears an optional field. */
export const ZApiPersonPatchSchema = z
  .strictObject({
    givenName: z.string().trim().min(1).max(100),
    familyName: z.string().trim().min(1).max(100),
    email: z.email().max(254).nullable(),
    phone: z.string().trim().min(5).max(30).nullable(),
    birthYear: z.number().int().min(1900).max(2100).nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'errors.field.required');

export const ZApiOccupationSchema = z.object({
  code: z.string().meta({ description: 'STYRK-08 code.' }),
  name: z.string(),
  level: z.number().int().meta({ description: '1 (major group) to 4 (occupation).' }),
  parentCode: z.string().nullable(),
});

export const ZApiMeSchema = z.object({
  kind: z.enum(['token', 'session']),
  tenant: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  token: z.object({ id: z.uuid(), name: z.string(), scopes: z.array(z.enum(API_SCOPES)) }).nullable(),
  account: z.object({ id: z.uuid(), displayName: z.string(), email: z.string(), roles: z.array(z.string()), personId: z.uuid().nullable() }).nullable(),
});

export const ZApiImportRunSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES).meta({
    description: 'uploaded → (preview) previewing → previewed | invalid → (commit) committing → committed | failed.',
  }),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  headers: z.array(z.string()).meta({ description: 'Column headers found in the file.' }),
  rowCount: z.number().int(),
  mapping: z.record(z.string(), z.string()).meta({ description: 'Field → column header; suggested until a preview is requested.' }),
  mappingVersion: z.number().int().nullable().meta({ description: "Version of the municipality's remembered mapping; send it back with a preview request." }),
  requiredFields: z.array(z.string()),
  counts: z.record(z.string(), z.number()).nullable().meta({ description: 'After a preview: rows, creates, updates, unchanged, deactivations, unitCreates, unitUpdates, issues.' }),
  issues: z.array(z.object({ row: z.number().int(), column: z.string(), sheet: z.string().nullable(), message: z.string() })).meta({ description: 'Row problems found by the preview, translated.' }),
  failure: z.string().nullable().meta({ description: 'Why the run failed, translated.' }),
  createdAt: dateTime,
  finishedAt: dateTime.nullable(),
});

// ---------------------------------------------------------------- endpoints

const unitParams = z.object({ unitId: id('The unit id.') });
const personParams = z.object({ personId: id('The person id.') });

export const listUnits = defineEndpoint({
  operationId: 'listUnits',
  method: 'get',
  path: '/api/v1/units',
  summary: 'List units (flat, with parentId)',
  description: 'Every unit of the municipality as a flat list ordered by id; build the tree from `parentId`. Archived units are left out unless `includeArchived=true`.',
  tag: 'organisation',
  scopes: ['org:read'],
  query: z.object({ cursor: ZCursorSchema.optional(), limit: ZLimitSchema, includeArchived: ZBooleanFlagSchema.optional() }),
  response: page(ZApiUnitSchema),
});

export const getUnit = defineEndpoint({
  operationId: 'getUnit',
  method: 'get',
  path: '/api/v1/units/{unitId}',
  summary: 'Get a unit with its ancestors, children and leaders',
  description: 'Archived units answer 404.',
  tag: 'organisation',
  scopes: ['org:read'],
  params: unitParams,
  response: ZApiUnitDetailSchema,
  etag: true,
});

export const listUnitMembers = defineEndpoint({
  operationId: 'listUnitMembers',
  method: 'get',
  path: '/api/v1/units/{unitId}/members',
  summary: 'List the people employed in a unit',
  description: 'People with an active employment in the unit itself, 50 per page, by name. Names and position titles for every caller; FTE and occupation only for callers who may read persons (then the read is audited).',
  tag: 'organisation',
  scopes: ['org:read'],
  params: unitParams,
  query: z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1).meta({ description: 'Page number, from 1.' }) }),
  response: z.object({ items: z.array(ZApiMemberSchema), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() }),
});

export const listPersons = defineEndpoint({
  operationId: 'listPersons',
  method: 'get',
  path: '/api/v1/persons',
  summary: 'List persons',
  description:
    'Persons ordered by id. Filter by `unitId` (the unit and every unit below it, active employments) and/or by `employeeNumber` (exact). A token with people:read may list everyone; a signed-in unit leader only with a `unitId` they lead.',
  tag: 'people',
  scopes: ['people:read'],
  query: z.object({
    unitId: id('Only persons employed in this unit or below it.').optional(),
    employeeNumber: z.string().trim().min(1).max(30).optional().meta({ description: 'Exact employee number (ansattnummer).' }),
    cursor: ZCursorSchema.optional(),
    limit: ZLimitSchema,
  }),
  response: page(ZApiPersonSummarySchema),
  audited: true,
});

export const getPerson = defineEndpoint({
  operationId: 'getPerson',
  method: 'get',
  path: '/api/v1/persons/{personId}',
  summary: 'Get a person with employments',
  tag: 'people',
  scopes: ['people:read'],
  params: personParams,
  response: ZApiPersonSchema,
  etag: true,
  audited: true,
});

export const updatePerson = defineEndpoint({
  operationId: 'updatePerson',
  method: 'patch',
  path: '/api/v1/persons/{personId}',
  summary: 'Change a person (merge-patch)',
  description: 'Send only the fields to change; `null` clears email, phone or birthYear. `If-Match` must carry the ETag of the version you read; a newer version answers 412 with code STALE_VERSION. The token needs people:read as well, since the answer is the changed person.',
  tag: 'people',
  scopes: ['people:read', 'people:write'],
  params: personParams,
  body: ZApiPersonPatchSchema,
  response: ZApiPersonSchema,
  etag: true,
  ifMatch: true,
  audited: true,
});

const runParams = z.object({ runId: id('The import run id.') });
export const IMPORT_MEDIA_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'] as const;

export const listImports = defineEndpoint({
  operationId: 'listImports',
  method: 'get',
  path: '/api/v1/imports',
  summary: 'List recent import runs',
  tag: 'imports',
  scopes: ['import:write'],
  response: z.object({
    items: z.array(z.object({ id: z.uuid(), fileName: z.string(), status: z.enum(IMPORT_STATUSES), rowCount: z.number().int(), createdAt: dateTime, finishedAt: dateTime.nullable() })),
  }),
});

export const uploadImport = defineEndpoint({
  operationId: 'uploadImport',
  method: 'post',
  path: '/api/v1/imports',
  summary: 'Upload an HR file (CSV or XLSX)',
  description:
    'The request body is the file itself (the import template format, see docs/import.md). The answer is the new run with the suggested column mapping; continue with POST /api/v1/imports/{runId}/preview. A file we cannot read answers 422 with the reason.',
  tag: 'imports',
  scopes: ['import:write'],
  query: z.object({ fileName: z.string().trim().min(1).max(200).default('import').meta({ description: 'Name to show for the file, e.g. hr-2026-11.csv.' }) }),
  upload: IMPORT_MEDIA_TYPES,
  response: ZApiImportRunSchema,
  status: 201,
  audited: true,
});

export const getImport = defineEndpoint({
  operationId: 'getImport',
  method: 'get',
  path: '/api/v1/imports/{runId}',
  summary: 'Get an import run (status, progress, preview counts and issues)',
  tag: 'imports',
  scopes: ['import:write'],
  params: runParams,
  response: ZApiImportRunSchema,
  audited: true,
});

export const previewImport = defineEndpoint({
  operationId: 'previewImport',
  method: 'post',
  path: '/api/v1/imports/{runId}/preview',
  summary: 'Choose the column mapping and start the dry run',
  description: 'Without `mapping` the suggested mapping of the run is used. The dry run changes nothing; poll the run until its status is `previewed` (ready to commit) or `invalid` (see `issues`).',
  tag: 'imports',
  scopes: ['import:write'],
  params: runParams,
  body: z.strictObject({
    mapping: z.partialRecord(z.enum(EMPLOYEE_FIELDS), z.string().max(500)).optional().meta({ description: 'Field → column header of the file.' }),
    mappingVersion: z.number().int().min(1).nullable().optional().meta({ description: 'The `mappingVersion` you read (optimistic lock on the remembered mapping).' }),
    endMissing: z.boolean().default(false).meta({ description: 'End the employments of people missing from the file (full export).' }),
  }),
  response: ZApiImportRunSchema,
  status: 202,
  audited: true,
});

export const commitImport = defineEndpoint({
  operationId: 'commitImport',
  method: 'post',
  path: '/api/v1/imports/{runId}/commit',
  summary: 'Commit a previewed import',
  description: 'Only a run with status `previewed`, and only once (409 otherwise). Poll the run until `committed` or `failed`.',
  tag: 'imports',
  scopes: ['import:write'],
  params: runParams,
  response: ZApiImportRunSchema,
  status: 202,
  audited: true,
});

export const listOccupations = defineEndpoint({
  operationId: 'listOccupations',
  method: 'get',
  path: '/api/v1/occupations',
  summary: 'Look up STYRK-08 occupations',
  description: 'Occupations whose code starts with, or whose name contains, `query`.',
  tag: 'reference',
  scopes: ['org:read'],
  query: z.object({ query: z.string().trim().min(2).max(100).meta({ description: 'A code prefix (e.g. 2223) or part of a name (e.g. sjukepleiar).' }), limit: ZLimitSchema }),
  response: z.object({ items: z.array(ZApiOccupationSchema) }),
});

export const getMe = defineEndpoint({
  operationId: 'getMe',
  method: 'get',
  path: '/api/v1/me',
  summary: 'Who is calling',
  description: 'The token (name, scopes) or the signed-in account, and the municipality.',
  tag: 'session',
  scopes: [],
  response: ZApiMeSchema,
});

export const getOpenApi = defineEndpoint({
  operationId: 'getOpenApiDocument',
  method: 'get',
  path: '/api/v1/openapi.json',
  summary: 'This OpenAPI 3.1 document',
  tag: 'meta',
  scopes: [],
  public: true,
  response: z.looseObject({ openapi: z.string() }),
});

export const API_ENDPOINTS: readonly ApiEndpointDef[] = [
  listUnits,
  getUnit,
  listUnitMembers,
  listPersons,
  getPerson,
  updatePerson,
  listImports,
  uploadImport,
  getImport,
  previewImport,
  commitImport,
  listOccupations,
  getMe,
  getOpenApi,
];
