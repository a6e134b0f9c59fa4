import crypto from 'node:crypto';

/** 256 random bits, base64url: the opaque bearer token a client holds. */
export function generateToken(prefix = 'ioms_'): string {
  return prefix + crypto.randomBytes(32).toString('base64url');
}

/** What the server stores in place of a token. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** A token-shaped generated password for the first admin. */
export function generatePassword(): string {
  return crypto.randomBytes(18).toString('base64url');
}
