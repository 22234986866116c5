// Password hashing with argon2id (@node-rs/argon2), OWASP-recommended parameters.
import { hash, verify } from '@node-rs/argon2';

/** Algorithm.Argon2id (a const enum in the typings, so written as its value). */
const ARGON2ID = 2;

const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}

/** A dummy hash to verify against when the account does not exist, so timing does not reveal it. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('not-a-real-password-placeholder');
  return dummy;
}

export const PASSWORD_MIN_LENGTH = 12;
