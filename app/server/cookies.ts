// Minimal cookie parsing and serialising for our three cookies (session, csrf, language).
export const SESSION_COOKIE = 'rytme_session';
export const CSRF_COOKIE = 'rytme_csrf';
export const LANGUAGE_COOKIE = 'rytme_lang';

export function readCookies(header: string | null): Map<string, string> {
  const map = new Map<string, string>();
  if (!header) return map;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    try {
      if (!map.has(name)) map.set(name, decodeURIComponent(raw));
    } catch {
      /* a malformed cookie is ignored */
    }
  }
  return map;
}

export interface CookieOptions {
  secure: boolean;
  httpOnly?: boolean;
  maxAgeSeconds?: number;
}

export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'SameSite=Lax'];
  if (options.httpOnly !== false) parts.push('HttpOnly');
  if (options.secure) parts.push('Secure');
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${options.maxAgeSeconds}`);
  return parts.join('; ');
}
