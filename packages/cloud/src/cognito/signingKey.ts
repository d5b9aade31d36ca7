import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import type { Database } from '../store/database.js';
import type { SealedBox } from '../crypto/sealedBox.js';

/**
 * The sandbox's RS256 key pair for user-pool JWTs: generated once, the private half sealed in the db,
 * so tokens stay valid across restarts. The public half is served as the pools' JWKS.
 */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  jwk: Record<string, string>;
}

export function loadSigningKey(db: Database, box: SealedBox): SigningKey {
  const row = db.prepare('SELECT kid, private_sealed, public_jwk FROM cognito_signing_keys WHERE name = ?').get('default') as
    | { kid: string; private_sealed: Buffer; public_jwk: string }
    | undefined;
  if (row) {
    const privateKey = createPrivateKey(box.open(row.private_sealed, `cognito-key:${row.kid}`));
    return { kid: row.kid, privateKey, publicKey: createPublicKey(privateKey), jwk: JSON.parse(row.public_jwk) as Record<string, string> };
  }
  const kid = randomUUID();
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...(publicKey.export({ format: 'jwk' }) as Record<string, string>), alg: 'RS256', use: 'sig', kid };
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  db.prepare('INSERT OR IGNORE INTO cognito_signing_keys (name, kid, private_sealed, public_jwk) VALUES (?, ?, ?, ?)')
    .run('default', kid, box.seal(pem, `cognito-key:${kid}`), JSON.stringify(jwk));
  return loadSigningKey(db, box); // another process may have won the race: use what is stored
}
