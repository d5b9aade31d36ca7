import { invalidInput } from '../errors.js';

export const SECRET_NAME_PATTERN = /^[a-zA-Z0-9_.-]+$/;

export function assertSecretName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !SECRET_NAME_PATTERN.test(name)) {
    throw invalidInput(`Invalid secret name provided: ${String(name)}`, 'Use a secret name that matches [a-zA-Z0-9_.-]+');
  }
}
