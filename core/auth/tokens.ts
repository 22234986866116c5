// Random secrets and their hashes. Secrets (session cookies, reset links, API tokens) are
// 256-bit random values shown once; only their sha256 is stored.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * A tamper-proof value for a short-lived cookie (the OIDC state): base64url(JSON) plus an
 * HMAC-SHA256 over it, with an expiry inside. Returns null for anything altered or expired.
 */
export function sealValue(secret: string, value: unknown, now: Date, maxAgeSeconds: number): string {
  const body = Buffer.from(JSON.stringify({ v: value, exp: now.getTime() + maxAgeSeconds * 1000 })).toString('base64url');
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

export function unsealValue(secret: string, sealed: string | null | undefined, now: Date): unknown {
  if (!sealed || sealed.length > 4000) return null;
  const dot = sealed.lastIndexOf('.');
  if (dot <= 0) return null;
  const body = sealed.slice(0, dot);
  const mac = createHmac('sha256', secret).update(body).digest('base64url');
  if (!safeEqual(mac, sealed.slice(dot + 1))) return null;
  try {
    const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { v: unknown; exp: number };
    return typeof parsed.exp === 'number' && parsed.exp > now.getTime() ? parsed.v : null;
  } catch {
    return null;
  }
}

let processSecret: string | null = null;
/** Signing key when SESSION_SECRET is not configured: random per process (fine for one instance). */
export function signingSecret(configured: string | undefined): string {
  if (configured) return configured;
  processSecret ??= newSecret(32);
  return processSecret;
}
