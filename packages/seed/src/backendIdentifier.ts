import { createHash } from 'node:crypto';
import { SeedUserError } from './seedError.js';

/** `AMPLIFY_BACKEND_IDENTIFIER` as `ampx sandbox seed` sets it (`{"namespace","name","type"}`, optional `hash`). */
export interface BackendIdentifier {
  namespace: string;
  name: string;
  type: 'sandbox' | 'branch' | 'standalone';
  hash?: string;
}

/** The identifier from the environment, or the real `SandboxIdentifierNotFoundError` (`resolution` differs per API, as in the real package). */
export function backendIdentifier(resolution: string): BackendIdentifier {
  const raw = process.env.AMPLIFY_BACKEND_IDENTIFIER;
  if (!raw) throw new SeedUserError('SandboxIdentifierNotFoundError', { message: 'Sandbox Identifier is undefined', resolution });
  return JSON.parse(raw) as BackendIdentifier;
}

const sanitize = (s: string) => s.replace(/[^A-Za-z0-9]/g, '');
const hashOf = (id: BackendIdentifier) => id.hash ?? createHash('sha512').update(id.namespace).update(id.name).digest('hex').slice(0, 10);

/** `amplify-<ns>-<name>-<type>-<hash>` (amplify-backend platform-core backend_identifier_conversions). */
export function stackName(id: BackendIdentifier): string {
  const name = sanitize(id.name).slice(0, 50);
  const nsMax = 128 - 'amplify'.length - id.type.length - name.length - 4 - 10;
  return ['amplify', sanitize(id.namespace).slice(0, nsMax - 1), name, id.type, hashOf(id)].join('-');
}

/** `/amplify/<ns>/<name>-<type>-<hash>/<secret>` — the sandbox secret's Parameter Store path. */
export function secretPath(id: BackendIdentifier, secretName: string): string {
  const [, ns, name, type, hash] = stackName(id).split('-');
  return `/amplify/${ns}/${name}-${type}-${hash}/${secretName}`;
}
