import { createHash } from 'node:crypto';

/**
 * Physical ids of a sandbox's local resources, derived from its stack name so they stay the same
 * across restarts (the outputs file does not change) and differ between sandboxes and profiles.
 * Formats match AWS's, so the client's parsing (region from `userPoolId`, identity pool region) works.
 */
export interface ResourceIds {
  userPoolId: string;
  userPoolClientId: string;
  identityPoolId: string;
  apiId: string;
  apiKey: string;
  bucketName(storageName: string): string;
}

const digest = (seed: string, label: string) => createHash('sha256').update(`${seed}\0${label}`).digest();
const alnum = (buf: Buffer, n: number, alphabet: string) => Array.from(buf.subarray(0, n), (b) => alphabet[b % alphabet.length]).join('');
const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';
const MIXED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function resourceIds(stackName: string, account: string, region: string): ResourceIds {
  const seed = `${account}/${stackName}`;
  const uuid = (label: string) => {
    const h = digest(seed, label).toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
  return {
    userPoolId: `${region}_${alnum(digest(seed, 'user-pool'), 9, MIXED)}`,
    userPoolClientId: alnum(digest(seed, 'user-pool-client'), 26, LOWER),
    identityPoolId: `${region}:${uuid('identity-pool')}`,
    apiId: alnum(digest(seed, 'graphql-api'), 26, LOWER),
    apiKey: `da2-${alnum(digest(seed, 'api-key'), 26, LOWER)}`,
    bucketName: (storageName) => {
      const base = `amplify-${stackName.replace(/^amplify-/, '').toLowerCase()}-${storageName.toLowerCase().replace(/[^a-z0-9-]/g, '')}`;
      const suffix = alnum(digest(seed, `bucket:${storageName}`), 8, LOWER);
      return `${base.slice(0, 63 - suffix.length - 1).replace(/-+$/, '')}-${suffix}`;
    },
  };
}
