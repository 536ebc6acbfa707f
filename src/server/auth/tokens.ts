import { createHash, randomBytes } from 'node:crypto';

/** A secret for a cookie or a link: 32 random bytes, URL-safe. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Only hashes are stored, so a copy of the database opens no session and no link. */
export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');
