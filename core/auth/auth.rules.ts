// Pure sign-in rules: e-mail normalising, the safe return path after sign-in, throttling
// limits and keys, and password-reset lifetimes. Unit-tested in auth.rules.test.ts.
import { createHash } from 'node:crypto';

/** Failed sign-ins per account (tenant + e-mail, whether or not the account exists) per window. */
export const ACCOUNT_FAILURE_LIMIT = 5;
/** Failed sign-ins per client IP address per window. */
/** Generous, because a whole town hall may sign in from one NAT address; the account limit stops guessing. */
export const IP_FAILURE_LIMIT = 100;
export const THROTTLE_WINDOW_MINUTES = 15;

/** Password-reset links live an hour; "set your password" links for new accounts three days. */
export const RESET_TOKEN_MINUTES = 60;
export const INVITE_TOKEN_MINUTES = 3 * 24 * 60;
/** At most this many reset mails per account per hour (the rest are silently skipped). */
export const RESET_MAILS_PER_HOUR = 3;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A stable, non-reversible label for an e-mail address typed at sign-in (audit and throttle keys). */
export function emailFingerprint(email: string): string {
  return createHash('sha256').update(`rytme-login:${normalizeEmail(email)}`).digest('hex').slice(0, 32);
}

export function accountThrottleKey(tenantId: string, email: string): string {
  return `acct:${tenantId}:${emailFingerprint(email)}`;
}

export function ipThrottleKey(ip: string): string {
  return `ip:${ip || 'unknown'}`;
}

export interface ThrottleState {
  failures: number;
  windowStart: Date;
}

/** True when the key has used up its failures and its window has not yet passed. */
export function isLocked(state: ThrottleState | undefined, limit: number, now: Date, windowMinutes = THROTTLE_WINDOW_MINUTES): boolean {
  if (!state) return false;
  const windowEnds = state.windowStart.getTime() + windowMinutes * 60_000;
  return state.failures >= limit && now.getTime() < windowEnds;
}

/**
 * A same-site relative path ("/org?x=1") to redirect to, or null: never a scheme-relative
 * ("//evil.example") or backslash trick ("/\\evil.example"), never control characters, and
 * checked again after dot segments are resolved.
 */
export function safeRelativePath(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 1000) return null;
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return null;
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, 'http://rytme.invalid');
  } catch {
    return null;
  }
  if (url.origin !== 'http://rytme.invalid') return null;
  // Dot segments are resolved above, so "/.//evil.example" becomes "//evil.example": check the
  // normalised path again, or the browser would read it as another host.
  if (url.pathname.startsWith('//') || url.pathname.startsWith('/\\')) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The path to return to after sign-in: a safe relative path, never the sign-in pages themselves; otherwise "/". */
export function safeNextPath(raw: unknown): string {
  const path = safeRelativePath(raw);
  if (!path || /^\/(login|logout|auth\/|password\/)/.test(path)) return '/';
  return path;
}

/** A short, human label for a User-Agent string ("Firefox on Windows"); never the raw string. */
export function describeUserAgent(ua: string | null): string {
  if (!ua) return '–';
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrom(e|ium)\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : null;
  const system = /Windows/.test(ua) ? 'Windows' : /iPhone|iPad/.test(ua) ? 'iOS' : /Android/.test(ua) ? 'Android' : /Mac OS X|Macintosh/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : null;
  if (browser && system) return `${browser} · ${system}`;
  return browser ?? system ?? ua.slice(0, 40);
}
