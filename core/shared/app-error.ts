// The one domain error type. Every failure a user or API client can cause is an AppError
// with a code from this enum; app/http/problem.ts maps the code to an HTTP status and a
// translated message in exactly one place.

export const AppErrorCode = {
  /** Input failed validation; `details.issues` lists field paths and message keys. */
  VALIDATION: 'VALIDATION',
  /** Not signed in, or the credentials are wrong. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** Signed in, but the policy denies this action on this resource. */
  FORBIDDEN: 'FORBIDDEN',
  /** The resource does not exist (or is invisible to the actor: we never reveal which). */
  NOT_FOUND: 'NOT_FOUND',
  /** Optimistic-lock failure: someone else saved a newer version first. */
  STALE_VERSION: 'STALE_VERSION',
  /** A uniqueness or state rule (e.g. duplicate employee number, import already committed). */
  CONFLICT: 'CONFLICT',
  /** Too many attempts (login throttling). */
  RATE_LIMITED: 'RATE_LIMITED',
  /** Request body over the limit. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** Uploaded file of a type we do not read. */
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  /** The CSRF token was missing or wrong. */
  CSRF: 'CSRF',
  /** Anything unexpected; the details are logged, never shown. */
  INTERNAL: 'INTERNAL',
} as const;
export type TAppErrorCode = (typeof AppErrorCode)[keyof typeof AppErrorCode];

export interface ValidationIssue {
  /** Field path, e.g. 'ftePercent' or 'rows.12.employeeNumber'. */
  path: string;
  /** Message key in the errors catalogue, e.g. 'errors.field.required'. */
  key: string;
  /** Values interpolated into the message. */
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly code: TAppErrorCode;
  readonly issues: ValidationIssue[];
  /** Message key for the user-facing text; defaults to `errors.code.<CODE>`. */
  readonly messageKey: string;
  readonly params: Record<string, string | number>;

  constructor(code: TAppErrorCode, options: { message?: string; messageKey?: string; issues?: ValidationIssue[]; params?: Record<string, string | number>; cause?: unknown } = {}) {
    super(options.message ?? code, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.issues = options.issues ?? [];
    this.messageKey = options.messageKey ?? `errors.code.${code}`;
    this.params = options.params ?? {};
  }

  static is(value: unknown, code?: TAppErrorCode): value is AppError {
    return value instanceof AppError && (code === undefined || value.code === code);
  }
}

export const notFound = () => new AppError(AppErrorCode.NOT_FOUND);
export const forbidden = () => new AppError(AppErrorCode.FORBIDDEN);
export const staleVersion = () => new AppError(AppErrorCode.STALE_VERSION);
export const validation = (issues: ValidationIssue[]) => new AppError(AppErrorCode.VALIDATION, { issues });
