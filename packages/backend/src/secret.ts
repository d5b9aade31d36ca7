import { BackendDefinitionError, SecretNotSetError } from './errors.js';

/** What `secret('name')` returns: a serialisable reference resolved from the sandbox's secrets when it starts. */
export interface BackendSecret {
  readonly kind: 'secret';
  readonly name: string;
}

/** `secret('name')`: the name must be a valid sandbox secret name (as `ampx sandbox secret set` accepts). */
export const secret = (name: string): BackendSecret => {
  if (typeof name !== 'string' || !/^[a-zA-Z0-9_.-]+$/.test(name)) {
    throw new BackendDefinitionError('InvalidBackendDefinitionError', `secret: ${JSON.stringify(name)} is not a valid secret name.`, 'Use a secret name that matches [a-zA-Z0-9_.-]+');
  }
  return Object.freeze({ kind: 'secret' as const, name });
};

export const isSecret = (v: unknown): v is BackendSecret =>
  typeof v === 'object' && v !== null && (v as BackendSecret).kind === 'secret' && typeof (v as BackendSecret).name === 'string';

/** Every secret referenced anywhere inside `value` (deep: a definition, a props object, a loaded model), in first-seen order. */
export function collectSecretRefs(value: unknown, out = new Set<string>(), seen = new Set<unknown>()): string[] {
  if (value && typeof value === 'object') {
    if (seen.has(value)) return [...out];
    seen.add(value);
  }
  if (isSecret(value)) out.add(value.name);
  else if (Array.isArray(value)) value.forEach((v) => collectSecretRefs(v, out, seen));
  else if (value && typeof value === 'object' && !(value instanceof Date)) Object.values(value).forEach((v) => collectSecretRefs(v, out, seen));
  return [...out];
}

/** Looks a secret up in the sandbox's secrets: its value, or undefined when it is not set. */
export type SecretResolver = (name: string) => Promise<string | undefined> | string | undefined;

/**
 * Resolves every referenced secret with `resolver` (the sandbox's secret store). A secret that is not
 * set — `undefined`, or a resolver error named `ParameterNotFound`/`SecretNotSetError` — throws
 * `SecretNotSetError` naming it, as the real deployer maps it.
 */
export async function resolveSecrets(refs: readonly string[] | { secretRefs: readonly string[] }, resolver: SecretResolver): Promise<Record<string, string>> {
  const names = Array.isArray(refs) ? refs : (refs as { secretRefs: readonly string[] }).secretRefs;
  const values: Record<string, string> = {};
  for (const name of names) {
    let value: string | undefined;
    try {
      value = await resolver(name);
    } catch (err) {
      const n = (err as Error)?.name;
      if (n === 'ParameterNotFound' || n === 'SecretNotSetError' || n === 'SSMParameterNotFoundError') throw new SecretNotSetError(name);
      throw err;
    }
    if (value === undefined) throw new SecretNotSetError(name);
    values[name] = value;
  }
  return values;
}
