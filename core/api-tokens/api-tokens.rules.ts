// Rules for tenant API tokens: the secret's shape, its hash, and the scope list.
import { z } from 'zod';
import { hashSecret, newSecret } from '../auth/tokens.ts';
import { API_SCOPES, type ApiScope } from '../shared/actor.ts';

export const API_TOKEN_PREFIX = 'rytme_';
/** 32 random bytes, base64url: 43 characters after the prefix. */
const TOKEN_PATTERN = /^rytme_[A-Za-z0-9_-]{43}$/;

export const ZApiScopeSchema = z.enum(API_SCOPES);

/** Blank text and an empty choice count as missing, so the message says "required". */
const blankToUndefined = (v: unknown) => ((typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0) ? undefined : v);

export const ZCreateApiTokenSchema = z.object({
  name: z.preprocess(blankToUndefined, z.string().trim().min(1).max(100)),
  scopes: z.preprocess(blankToUndefined, z.array(ZApiScopeSchema).min(1).max(API_SCOPES.length)),
});
export type TCreateApiToken = z.infer<typeof ZCreateApiTokenSchema>;

export function generateApiTokenSecret(): string {
  return `${API_TOKEN_PREFIX}${newSecret(32)}`;
}

/** True when the string has the shape of one of our tokens (checked before any lookup). */
export function looksLikeApiToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

export function hashApiToken(secret: string): string {
  return hashSecret(secret);
}

/** Stored scopes, keeping only those this version knows (a removed scope grants nothing). */
export function knownScopes(stored: readonly string[]): Set<ApiScope> {
  return new Set(stored.filter((s): s is ApiScope => (API_SCOPES as readonly string[]).includes(s)));
}

/** Scopes in the canonical order, without duplicates. */
export function normaliseScopes(scopes: readonly ApiScope[]): ApiScope[] {
  return API_SCOPES.filter((s) => scopes.includes(s));
}

/** last_used_at is written at most this often. */
export const TOUCH_INTERVAL_MS = 60_000;
