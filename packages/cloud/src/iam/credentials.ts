import { createHmac } from 'node:crypto';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Principal behind an access key: the local account root, or an identity-pool role session. */
export interface KeyOwner {
  secretAccessKey: string;
  sessionToken?: string;
  /** IAM principal ARN (root, or `arn:aws:sts::<acct>:assumed-role/<role>/CognitoIdentityCredentials`). */
  principal: string;
  expiration?: Date;
  /** `admin` = the account's root keys (CLI, seed); the others come from an identity pool. */
  kind?: 'admin' | 'authenticated' | 'unauthenticated';
  /** Identity-pool identity (`us-east-1:uuid`) for `{entity_id}` storage paths and IAM data rules. */
  identityId?: string;
  /** User-pool `sub`, username and groups of a signed-in identity (for group storage rules / AppSync IAM). */
  userSub?: string;
  username?: string;
  groups?: string[];
}

/**
 * Looks up the secret for an access key. Services ask it to verify SigV4; identity pools add
 * temporary keys to it later.
 */
export interface CredentialResolver {
  lookup(accessKeyId: string): KeyOwner | undefined;
}

/**
 * The local account's root keys, derived from the user's master key and the account (profile) name,
 * so every Sandlot process of this user agrees on them without storing them in the project.
 */
export function rootCredentials(masterKey: Buffer, account: string): AwsCredentials {
  const mac = (label: string) => createHmac('sha256', masterKey).update(`${label}\0${account}`).digest();
  return {
    accessKeyId: 'AKIA' + base32(mac('access-key-id')).slice(0, 16),
    secretAccessKey: mac('secret-access-key').toString('base64').slice(0, 40),
  };
}

function base32(buf: Buffer): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}
