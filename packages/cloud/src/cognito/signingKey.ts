import { createPrivateKey, createPublicKey, generateKeyPair, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
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
  storeKeyPair(db, box, generateKeyPairSync('rsa', { modulusLength: 2048 }));
  return loadSigningKey(db, box); // another process may have won the race: use what is stored
}

const generateRsa = promisify(generateKeyPair);

/**
 * Generates and stores the key pair on the libuv thread pool when none is stored yet, so that the first sign-in
 * of a new sandbox does not wait ~0.1–0.2 s for RSA key generation on the main thread. Started when a pool's
 * first user gets a password (services.ts); whoever stores first wins (`loadSigningKey` meanwhile generates one
 * itself and the later insert is ignored), so the key in use is always the stored one.
 */
export async function storeSigningKeyInBackground(db: Database, box: SealedBox): Promise<void> {
  if (hasStoredKey(db)) return;
  const pair = await generateRsa('rsa', { modulusLength: 2048 });
  if (db.open && !hasStoredKey(db)) storeKeyPair(db, box, pair);
}

const hasStoredKey = (db: Database): boolean => db.prepare('SELECT 1 FROM cognito_signing_keys WHERE name = ?').get('default') !== undefined;

function storeKeyPair(db: Database, box: SealedBox, { privateKey, publicKey }: { privateKey: KeyObject; publicKey: KeyObject }): void {
  const kid = randomUUID();
  const jwk = { ...(publicKey.export({ format: 'jwk' }) as Record<string, string>), alg: 'RS256', use: 'sig', kid };
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  db.prepare('INSERT OR IGNORE INTO cognito_signing_keys (name, kid, private_sealed, public_jwk) VALUES (?, ?, ?, ?)')
    .run('default', kid, box.seal(pem, `cognito-key:${kid}`), JSON.stringify(jwk));
}
