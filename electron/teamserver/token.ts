/**
 * Team keys and user tokens. A token is `crt1.<projectKey>.<userId>.<secret>`: the desktop reads
 * the document name (the project key) out of it, so a user pastes only the server address and
 * the token.
 */
import crypto from 'node:crypto';

export const PROJECT_KEY = /^[a-z0-9][a-z0-9-]{2,62}$/;
export const USER_ID = /^[a-z0-9][a-z0-9._-]{0,62}$/;
/** Longer than any token we issue; anything longer is refused before it is looked at. */
export const MAX_TOKEN_CHARS = 512;

const TOKEN_PREFIX = 'crt1';
const SECRET_BYTES = 32;
// The secret is base64url without padding, so it never holds a dot: the last dot ends the user id.
const TOKEN = /^crt1\.([a-z0-9][a-z0-9-]{2,62})\.([a-z0-9][a-z0-9._-]{0,62})\.([A-Za-z0-9_-]{43})$/;

export interface ParsedToken {
  projectKey: string;
  userId: string;
  secret: string;
}

/** The parts of a well-formed token, or null for anything else (too long, wrong shape, wrong version). */
export function parseToken(token: unknown): ParsedToken | null {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_CHARS) return null;
  const m = TOKEN.exec(token);
  if (!m) return null;
  return { projectKey: m[1]!, userId: m[2]!, secret: m[3]! };
}

export function formatToken(projectKey: string, userId: string, secret: string): string {
  return `${TOKEN_PREFIX}.${projectKey}.${userId}.${secret}`;
}

export function newSecret(): string {
  return crypto.randomBytes(SECRET_BYTES).toString('base64url');
}

/**
 * What the server keeps instead of the secret. A plain SHA-256 is enough here, and a slow hash
 * (scrypt) would be wrong: the secret is 256 random bits, not a password someone chose, so no
 * dictionary or brute force can reach it through its hash; and a slow hash would let a flood of
 * wrong tokens spend the server's CPU.
 */
export function hashSecret(secret: string): Buffer {
  return crypto.createHash('sha256').update(secret, 'utf8').digest();
}

/** Compares a presented secret with a stored hash in time that does not depend on where they differ. */
export function secretMatches(secret: string, storedHash: Buffer): boolean {
  const presented = hashSecret(secret);
  return storedHash.length === presented.length && crypto.timingSafeEqual(presented, storedHash);
}

/** Lower-case ASCII letters and digits of `name` joined by hyphens, at most `max` characters; may be empty. */
export function slug(name: string, max: number): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/** Eight random base-32 characters (40 bits): keeps keys and ids unique without a counter. */
export function randomSuffix(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return [...crypto.randomBytes(8)].map((b) => alphabet[b % alphabet.length]).join('');
}
