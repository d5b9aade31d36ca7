import type { AwsCredentials, CredentialResolver, KeyOwner } from './credentials.js';

/** In-memory key lookup seeded with the root keys; identity pools add their temporary keys here. */
export function createKeyring(root: AwsCredentials, accountId: string): CredentialResolver & { add(id: string, owner: KeyOwner): void } {
  const keys = new Map<string, KeyOwner>([[root.accessKeyId, { secretAccessKey: root.secretAccessKey, principal: `arn:aws:iam::${accountId}:root`, kind: 'admin' }]]);
  return {
    lookup: (id) => keys.get(id),
    add: (id, owner) => void keys.set(id, owner),
  };
}
