/** What `secret('name')` returns: a reference resolved from the sandbox's secrets when it starts. */
export interface BackendSecret {
  readonly kind: 'secret';
  readonly name: string;
}

export const secret = (name: string): BackendSecret => Object.freeze({ kind: 'secret' as const, name });

export const isSecret = (v: unknown): v is BackendSecret => typeof v === 'object' && v !== null && (v as BackendSecret).kind === 'secret';

/** Every secret referenced anywhere inside `value` (deep), in first-seen order. */
export function collectSecretRefs(value: unknown, out = new Set<string>()): string[] {
  if (isSecret(value)) out.add(value.name);
  else if (Array.isArray(value)) value.forEach((v) => collectSecretRefs(v, out));
  else if (value && typeof value === 'object' && !(value instanceof Date)) Object.values(value).forEach((v) => collectSecretRefs(v, out));
  return [...out];
}
