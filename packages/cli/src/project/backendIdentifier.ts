import { createHash } from 'node:crypto';
import { userInfo } from 'node:os';
import { invalidInput } from '../errors.js';

/** `ampx`'s BackendIdentifier (amplify-backend packages/plugin-types/src/backend_identifier.ts). */
export interface BackendIdentifier {
  namespace: string;
  name: string;
  type: 'sandbox' | 'branch' | 'standalone';
  hash?: string;
}

export const IDENTIFIER_PATTERN = /^[a-zA-Z0-9-]{1,15}$/;

/** `--identifier` or the OS user name (the default is not validated, as in the real tool). */
export function sandboxIdentifier(namespace: string, identifier: string | undefined): BackendIdentifier {
  if (identifier !== undefined && identifier !== '') {
    if (!IDENTIFIER_PATTERN.test(identifier)) {
      throw invalidInput(
        `Invalid --identifier provided: ${identifier}`,
        'Use an identifier that matches [a-zA-Z0-9-] and is at most 15 characters long.',
      );
    }
    return { namespace, name: identifier, type: 'sandbox' };
  }
  return { namespace, name: userInfo().username, type: 'sandbox' };
}

export const branchIdentifier = (appId: string, branch: string): BackendIdentifier => ({ namespace: appId, name: branch, type: 'branch' });

const sanitize = (s: string) => s.replace(/[^A-Za-z0-9]/g, '');

/** sha512(namespace + name), first 10 hex chars, over the raw (unsanitized) values. */
export const backendHash = (id: BackendIdentifier): string =>
  id.hash ?? createHash('sha512').update(id.namespace).update(id.name).digest('hex').slice(0, 10);

/** `amplify-<ns>-<name>-<type>-<hash>` with the real sanitising and truncation rules. */
export function toStackName(id: BackendIdentifier): string {
  const hash = backendHash(id);
  const name = sanitize(id.name).slice(0, 50);
  const nsMax = 128 - 'amplify'.length - id.type.length - name.length - 4 - 10;
  const namespace = sanitize(id.namespace).slice(0, nsMax - 1);
  return ['amplify', namespace, name, id.type, hash].join('-');
}

export function fromStackName(stackName: string): BackendIdentifier | undefined {
  const parts = stackName.split('-');
  if (parts.length !== 5 || parts[0] !== 'amplify') return undefined;
  const [, namespace, name, type, hash] = parts as [string, string, string, string, string];
  if (type !== 'sandbox' && type !== 'branch' && type !== 'standalone') return undefined;
  return { namespace, name, type, hash };
}

/** `<ns>/<name>-<type>-<hash>`, via the stack-name round trip (sanitised + truncated). */
export function backendPathPart(id: BackendIdentifier): string {
  const s = fromStackName(toStackName(id))!;
  return `${s.namespace}/${s.name}-${s.type}-${s.hash}`;
}

/** `/amplify/<ns>/<name>-sandbox-<hash>` — where this sandbox's secrets live in Parameter Store. */
export const parameterPrefix = (id: BackendIdentifier): string => `/amplify/${backendPathPart(id)}`;
export const sharedParameterPrefix = (appId: string): string => `/amplify/shared/${appId}`;
export const parameterPath = (id: BackendIdentifier, secretName: string): string => `${parameterPrefix(id)}/${secretName}`;
